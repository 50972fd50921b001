package dev.lockkit.golden.scenario;

import dev.lockkit.golden.explore.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A golden scenario: the target's setup lines, the tasks with their operations (both read by the
 * target's {@link Operations}), the configurations it runs on and how to explore its schedules.
 * Equal whether parsed from {@code .scn} text or built with {@link #builder}; {@link #origin()}
 * (where it came from) is not part of equality.
 */
public final class Scenario {

  /** Where a scenario came from: a file (and the line of its {@code config:}) or Java code. */
  public record Origin(String file, int configLine) {}

  private final String name;
  private final String description;
  private final Selector config;
  private final Mode mode;
  private final List<Op> setup;
  private final List<List<Op>> tasks;
  private final List<Expectation> outcomes;
  private final Origin origin;

  Scenario(
      String name,
      String description,
      Selector config,
      Mode mode,
      List<Op> setup,
      List<List<Op>> tasks,
      Origin origin) {
    this(name, description, config, mode, setup, tasks, List.of(), origin);
  }

  Scenario(
      String name,
      String description,
      Selector config,
      Mode mode,
      List<Op> setup,
      List<List<Op>> tasks,
      List<Expectation> outcomes,
      Origin origin) {
    this.outcomes = List.copyOf(outcomes);
    this.name = checkName(name);
    this.description = description;
    this.config = config;
    this.mode = mode;
    this.setup = List.copyOf(setup);
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
    for (int t = 0; t < tasks.size(); t++) {
      if (tasks.get(t).isEmpty()) {
        throw new IllegalArgumentException("task T" + t + " has no operations");
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

  /**
   * The target's setup lines (lockcore's {@code vma} lines: the initial address space), in file
   * order; what {@code ScenarioTarget.boot} receives.
   */
  public List<Op> setup() {
    return setup;
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
    for (Op v : setup) {
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
        && s.setup.equals(setup)
        && s.tasks.equals(tasks)
        && s.outcomes.equals(outcomes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, config, mode, setup, tasks, outcomes);
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
    private final List<Op> setup = new ArrayList<>();
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

    /**
     * Adds a setup line of the target's vocabulary (lockcore: a {@code Vma}); checked against the
     * target's {@link Operations} when the scenario runs.
     */
    public Builder setup(Op item) {
      setup.add(Objects.requireNonNull(item));
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
          name, description, config, mode, setup, tasks, outcomes, new Origin("<builder>", 0));
    }
  }

  /** Adds the operations of one task. */
  public static final class TaskBuilder {
    private final List<Op> ops = new ArrayList<>();

    private TaskBuilder() {}

    /**
     * Adds an operation of the target's vocabulary; checked against the target's {@link Operations}
     * when the scenario runs.
     */
    public TaskBuilder op(Op op) {
      ops.add(Objects.requireNonNull(op));
      return this;
    }

    /** Adds the operations, in order. */
    public TaskBuilder ops(Op... more) {
      for (Op o : more) {
        op(o);
      }
      return this;
    }
  }
}
