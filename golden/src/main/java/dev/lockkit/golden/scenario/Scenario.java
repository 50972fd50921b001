package dev.lockkit.golden.scenario;

import dev.lockkit.golden.explore.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A golden scenario: the initial VMAs, the tasks with their operations, the configurations it runs
 * on and how to explore its schedules. Equal whether parsed from {@code .scn} text or built with
 * {@link #builder}; {@link #origin()} (where it came from) is not part of equality.
 */
public final class Scenario {

  /** Where a scenario came from: a file (and the line of its {@code config:}) or Java code. */
  public record Origin(String file, int configLine) {}

  private final String name;
  private final String description;
  private final Selector config;
  private final Mode mode;
  private final List<Vma> vmas;
  private final List<List<Op>> tasks;
  private final List<Expectation> outcomes;
  private final Origin origin;

  Scenario(
      String name,
      String description,
      Selector config,
      Mode mode,
      List<Vma> vmas,
      List<List<Op>> tasks,
      Origin origin) {
    this(name, description, config, mode, vmas, tasks, List.of(), origin);
  }

  Scenario(
      String name,
      String description,
      Selector config,
      Mode mode,
      List<Vma> vmas,
      List<List<Op>> tasks,
      List<Expectation> outcomes,
      Origin origin) {
    this.outcomes = List.copyOf(outcomes);
    this.name = checkName(name);
    this.description = description;
    this.config = config;
    this.mode = mode;
    this.vmas = List.copyOf(vmas);
    List<List<Op>> copy = new ArrayList<>();
    for (List<Op> t : tasks) {
      copy.add(List.copyOf(t));
    }
    this.tasks = List.copyOf(copy);
    this.origin = origin;
    validate();
  }

  static String checkName(String name) {
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "bad scenario name '" + name + "': use lower-case letters, digits, '-' and '_'");
    }
    return name;
  }

  private void validate() {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one task");
    }
    if (tasks.size() > 8) {
      throw new IllegalArgumentException("at most 8 tasks, got " + tasks.size());
    }
    for (int i = 0; i < vmas.size(); i++) {
      for (int j = 0; j < i; j++) {
        Vma a = vmas.get(j);
        Vma b = vmas.get(i);
        if (a.start() < b.end() && b.start() < a.end()) {
          throw new IllegalArgumentException(
              "VMA " + b.toText().substring(4) + " overlaps VMA " + a.toText().substring(4));
        }
      }
    }
    for (int t = 0; t < tasks.size(); t++) {
      if (tasks.get(t).isEmpty()) {
        throw new IllegalArgumentException("task T" + t + " has no operations");
      }
      for (Op op : tasks.get(t)) {
        if (op instanceof Op.FatalSignal s && (s.target() >= tasks.size() || s.target() == t)) {
          throw new IllegalArgumentException(
              "fatal-signal T" + s.target() + " in T" + t + ": no other task of that name");
        }
      }
    }
  }

  /** Starts a builder for a scenario called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The scenario's name (file base name); part of approved-file names. */
  public String name() {
    return name;
  }

  /** Free text, or empty. */
  public String description() {
    return description;
  }

  /** On which variants it runs. */
  public Selector config() {
    return config;
  }

  /** How its schedules are explored. */
  public Mode mode() {
    return mode;
  }

  /** The initial address space. */
  public List<Vma> vmas() {
    return vmas;
  }

  /** The operations of each task; task i is {@code T<i>}. */
  public List<List<Op>> tasks() {
    return tasks;
  }

  /**
   * The declared outcomes, in declaration order (the first that matches an outcome grades it).
   * Empty: the scenario is not graded, and its golden text has no grades section.
   */
  public List<Expectation> outcomes() {
    return outcomes;
  }

  /** Where it came from. */
  public Origin origin() {
    return origin;
  }

  /** The canonical {@code .scn} text; parsing it gives an equal scenario. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario: ").append(name).append('\n');
    if (!description.isEmpty()) {
      sb.append("description: ").append(description).append('\n');
    }
    sb.append("config: ").append(config).append('\n');
    sb.append("explore: ").append(mode.describe()).append('\n');
    for (Expectation e : outcomes) {
      sb.append(e.toText()).append('\n');
    }
    for (Vma v : vmas) {
      sb.append(v.toText()).append('\n');
    }
    for (int t = 0; t < tasks.size(); t++) {
      sb.append("task T").append(t).append(":\n");
      for (Op op : tasks.get(t)) {
        sb.append("  ").append(op.toText()).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s
        && s.name.equals(name)
        && s.description.equals(description)
        && s.config.equals(config)
        && s.mode.equals(mode)
        && s.vmas.equals(vmas)
        && s.tasks.equals(tasks)
        && s.outcomes.equals(outcomes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, config, mode, vmas, tasks, outcomes);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link Scenario} in Java; validation is the parser's, with exceptions not lines. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private Selector config = Selector.all();
    private Mode mode = new Mode.Exhaustive(2, Mode.DEFAULT_MAX_SCHEDULES);
    private final List<Vma> vmas = new ArrayList<>();
    private final List<List<Op>> tasks = new ArrayList<>();
    private final List<Expectation> outcomes = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the description. */
    public Builder description(String text) {
      this.description = text.strip();
      return this;
    }

    /** Sets the configuration selector ({@code all} or an expression). */
    public Builder config(String selector) {
      this.config = Selector.parse(selector);
      return this;
    }

    /** Sets the exploration mode. */
    public Builder explore(Mode m) {
      this.mode = Objects.requireNonNull(m);
      return this;
    }

    /** Adds a VMA {@code [start, end)} with permissions such as {@code rw-}. */
    public Builder vma(long start, long end, String perms) {
      return vma(start, end, perms, Vma.Growth.NONE);
    }

    /** Adds a VMA with a growth flag. */
    public Builder vma(long start, long end, String perms, Vma.Growth growth) {
      vmas.add(new Vma(start, end, perms, growth));
      return this;
    }

    /** Adds the next task ({@code T0}, {@code T1}...) with the operations {@code ops} adds. */
    public Builder task(Consumer<TaskBuilder> ops) {
      TaskBuilder t = new TaskBuilder();
      ops.accept(t);
      tasks.add(t.ops);
      return this;
    }

    /**
     * Declares an outcome: {@code grade}, a regular expression searched in the outcome text, and
     * why. The first declaration that matches an outcome grades it; an outcome none matches is
     * forbidden.
     */
    public Builder outcome(Expectation.Grade grade, String regex, String description) {
      outcomes.add(new Expectation(grade, regex, description));
      return this;
    }

    /** The scenario. */
    public Scenario build() {
      return new Scenario(
          name, description, config, mode, vmas, tasks, outcomes, new Origin("<builder>", 0));
    }
  }

  /** Adds the operations of one task. */
  public static final class TaskBuilder {
    private final List<Op> ops = new ArrayList<>();

    private TaskBuilder() {}

    /** Adds any operation. */
    public TaskBuilder op(Op op) {
      ops.add(op);
      return this;
    }

    /** {@code fault ADDR read|write user|kernel}. */
    public TaskBuilder fault(long address, boolean write, boolean user) {
      return op(new Op.Fault(address, write, user));
    }

    /** {@code mmap START END PERMS}. */
    public TaskBuilder mmap(long start, long end, String perms) {
      return op(new Op.Mmap(start, end, perms, Vma.Growth.NONE));
    }

    /** {@code munmap START END}. */
    public TaskBuilder munmap(long start, long end) {
      return op(new Op.Munmap(start, end));
    }

    /** {@code mprotect START END PERMS}. */
    public TaskBuilder mprotect(long start, long end, String perms) {
      return op(new Op.Mprotect(start, end, perms));
    }

    /** {@code fork}. */
    public TaskBuilder fork() {
      return op(new Op.Fork());
    }

    /** {@code exit-child}: the latest fork child exits; the scenario needs a {@code fork}. */
    public TaskBuilder exitChild() {
      return op(new Op.ExitChild());
    }

    /** {@code read-maps}. */
    public TaskBuilder readMaps() {
      return op(new Op.ReadMaps());
    }

    /** {@code expand-stack ADDR}. */
    public TaskBuilder expandStack(long address) {
      return op(new Op.ExpandStack(address));
    }

    /** {@code fatal-signal T<target>}. */
    public TaskBuilder fatalSignal(int target) {
      return op(new Op.FatalSignal(target));
    }

    /** A raw mmap_lock operation. */
    public TaskBuilder raw(Op.RawOp op) {
      return op(new Op.Raw(op));
    }
  }
}
