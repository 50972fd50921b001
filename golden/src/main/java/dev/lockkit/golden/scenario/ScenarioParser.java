package dev.lockkit.golden.scenario;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.sched.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code .scn} files. golden reads the structure; the target's {@link Operations} reads each
 * operation line and each setup line of its own. Every error names the file and line (and, on an
 * operation line, the column of the word at fault) and says what is wrong; nothing half-parsed
 * escapes. The grammar (also in golden/README.md):
 *
 * <pre>
 * # comment
 * scenario: NAME              optional; must equal the file's base name
 * description: TEXT           optional
 * config: all | EXPR          options joined with ! &amp;&amp; || ( ); default all
 * explore: MODE               exhaustive [preemptions=N] [max-schedules=N] [at=m1,Class.m2]
 *                             | fixed [order=T1,T0]
 *                             | pct seed=N depth=N iterations=N | replay T0@3,T1@5
 * outcome GRADE /REGEX/ DESCRIPTION   GRADE: acceptable | interesting | forbidden
 * SETUP-LINE                  one of the target's setup lines (lockcore: vma START END PERMS)
 * task:                       (or "task T1:"), then indented operations of the target:
 *   OPERATION [ARG...]
 * </pre>
 */
public final class ScenarioParser {

  /** golden's own line names: a vocabulary's setup line of the same name is never reached. */
  private static final java.util.Set<String> DIRECTIVES =
      java.util.Set.of("scenario", "description", "config", "explore", "outcome", "task");

  private ScenarioParser() {}

  /**
   * Parses the file at {@code path} with the vocabulary {@code ops}; its base name (without {@code
   * .scn}) names the scenario.
   */
  public static Scenario parse(Path path, Operations ops) throws ScenarioException {
    // Checked before reading: a pipe named *.scn would block the run forever.
    if (Files.isDirectory(path)) {
      throw new ScenarioException(path.toString(), 0, "is a directory, not a scenario file");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new ScenarioException(
          path.toString(), 0, "not a regular file (a pipe, socket or device)");
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ScenarioException(path.toString(), 0, "not UTF-8 text");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ScenarioException(path.toString(), 0, "no such file");
    } catch (IOException e) {
      throw new ScenarioException(path.toString(), 0, "cannot read: " + e.getMessage());
    }
    String base = path.getFileName().toString();
    if (base.endsWith(".scn")) {
      base = base.substring(0, base.length() - 4);
    }
    return parse(path.toString(), base, text, ops);
  }

  /**
   * Parses {@code text} with the vocabulary {@code ops}; {@code file} is used in messages, {@code
   * name} unless the text names itself.
   */
  public static Scenario parse(String file, String name, String text, Operations ops)
      throws ScenarioException {
    return new Run(file, name, ops).parse(text);
  }

  /**
   * Where a scenario does not fit a vocabulary (one built in Java, or read with another target's):
   * {@code op} is the first setup item or operation that {@code ops} does not read back to an op of
   * the same class and text ({@code why} null: not one of its names; else the reader's complaint),
   * or null with {@code why} from the reader's checks across lines.
   */
  public record Misfit(Op op, String why) {}

  /** The first {@link Misfit} of {@code scenario} in {@code ops}, or null when every line fits. */
  public static Misfit misfit(Scenario scenario, Operations ops) {
    Operations.Reader reader = ops.reader();
    for (Op op : scenario.setup()) {
      Misfit m = reread(op, -1, ops.setupNames(), reader);
      if (m != null) {
        return m;
      }
    }
    for (int t = 0; t < scenario.tasks().size(); t++) {
      for (Op op : scenario.tasks().get(t)) {
        Misfit m = reread(op, t, ops.names(), reader);
        if (m != null) {
          return m;
        }
      }
    }
    try {
      reader.finish(scenario.tasks().size());
    } catch (IllegalArgumentException e) {
      return new Misfit(null, e.getMessage());
    }
    return null;
  }

  private static Misfit reread(
      Op op, int task, java.util.Set<String> names, Operations.Reader reader) {
    String text = op.toText();
    OpLine line;
    try {
      line = OpLine.of(0, task, text);
    } catch (IllegalArgumentException e) {
      return new Misfit(op, null);
    }
    if (!names.contains(line.name())) {
      return new Misfit(op, null);
    }
    Op again;
    try {
      again = task < 0 ? reader.setup(line) : reader.operation(line);
    } catch (IllegalArgumentException e) {
      return new Misfit(op, e.getMessage());
    }
    if (again == null || again.getClass() != op.getClass() || !again.toText().equals(text)) {
      return new Misfit(op, null);
    }
    return null;
  }

  /** The first task a fixed order or replay schedule names that the scenario lacks, or null. */
  static String unknownTask(Mode mode, int tasks) {
    if (mode instanceof Mode.Fixed f) {
      for (int t : f.order()) {
        if (t >= tasks) {
          return "T" + t;
        }
      }
    } else if (mode instanceof Mode.Replay r) {
      for (var seg : r.schedule().segments()) {
        if (seg.task() >= tasks) {
          return "T" + seg.task();
        }
      }
    }
    return null;
  }

  private static final class Run {
    private final String file;
    private final String defaultName;
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private String name;
    private String description = "";
    private Selector config = Selector.all();
    private int configLine;
    private Mode mode = new Mode.Exhaustive(2, Mode.DEFAULT_MAX_SCHEDULES);
    private final List<Op> setup = new ArrayList<>();
    private final List<List<Op>> tasks = new ArrayList<>();
    private final List<Expectation> outcomes = new ArrayList<>();
    private final Operations ops;
    private final Operations.Reader reader;
    private int modeLine;
    private int line;

    Run(String file, String defaultName, Operations ops) {
      this.file = file;
      this.defaultName = defaultName;
      this.ops = ops;
      this.reader = ops.reader();
    }

    Scenario parse(String text) throws ScenarioException {
      String[] lines = text.split("\r?\n", -1);
      for (line = 1; line <= lines.length; line++) {
        String raw = lines[line - 1];
        int hash = raw.indexOf('#');
        String content = (hash >= 0 ? raw.substring(0, hash) : raw).stripTrailing();
        if (content.isBlank()) {
          continue;
        }
        try {
          if (Character.isWhitespace(content.charAt(0))) {
            if (tasks.isEmpty()) {
              throw new IllegalArgumentException(
                  "indented operation outside a task (add 'task:' above it)");
            }
            tasks.get(tasks.size() - 1).add(operation(content));
          } else {
            directive(content);
          }
        } catch (OpLine.Error e) {
          throw new ScenarioException(file, line, e.column(), e.getMessage());
        } catch (IllegalArgumentException e) {
          throw new ScenarioException(file, line, e.getMessage());
        }
      }
      line = 0;
      if (tasks.isEmpty()) {
        throw new ScenarioException(
            file, 0, "no tasks: add 'task:' followed by indented operations");
      }
      for (int t = 0; t < tasks.size(); t++) {
        if (tasks.get(t).isEmpty()) {
          throw new ScenarioException(file, 0, "task T" + t + " has no operations");
        }
      }
      String unknown = unknownTask(mode, tasks.size());
      if (unknown != null) {
        throw new ScenarioException(
            file,
            modeLine,
            "explore: "
                + unknown
                + " is not a task of this scenario (tasks: T0..T"
                + (tasks.size() - 1)
                + ")");
      }
      try {
        reader.finish(tasks.size());
      } catch (OpLine.Error e) {
        throw new ScenarioException(file, e.line(), e.column(), e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(file, 0, e.getMessage());
      }
      try {
        return new Scenario(
            name == null ? defaultName : name,
            description,
            config,
            mode,
            setup,
            tasks,
            outcomes,
            new Scenario.Origin(file, configLine));
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(file, 0, e.getMessage());
      }
    }

    private void directive(String content) {
      // Before the colon split: an outcome pattern may itself contain ':' (e.g. /T1: fault/).
      if (content.equals("outcome") || content.startsWith("outcome ")) {
        outcomes.add(Expectation.parse(content.substring("outcome".length())));
        return;
      }
      int colon = content.indexOf(':');
      String head = colon >= 0 ? content.substring(0, colon).strip() : content.split("\\s+")[0];
      String value = colon >= 0 ? content.substring(colon + 1).strip() : "";
      // A setup line is known by its first word, whatever follows (its arguments may hold ':');
      // golden's own directives keep their names.
      String first = content.split("\\s+")[0];
      if (ops.setupNames().contains(first) && !DIRECTIVES.contains(first.replace(":", ""))) {
        setup.add(located(OpLine.of(line, -1, content), true));
        return;
      }
      if (head.equals("task") || head.matches("task\\s+T\\d+")) {
        if (colon < 0 || !value.isEmpty()) {
          throw new IllegalArgumentException(
              "expected 'task:' alone on its line, operations indented below");
        }
        if (!head.equals("task")
            && Integer.parseInt(head.substring(head.indexOf('T') + 1)) != tasks.size()) {
          throw new IllegalArgumentException(
              "tasks are numbered in order: this one is T"
                  + tasks.size()
                  + ", not "
                  + head.substring(5).strip());
        }
        tasks.add(new ArrayList<>());
        return;
      }
      if (colon < 0) {
        throw new IllegalArgumentException(
            "unknown line '" + content + "' (operations must be indented under a 'task:' line)");
      }
      Integer before = seen.put(head, line);
      if (before != null) {
        throw new IllegalArgumentException(
            "'" + head + ":' given twice (first on line " + before + ")");
      }
      switch (head) {
        case "scenario" -> {
          if (!value.equals(defaultName)) {
            throw new IllegalArgumentException(
                "scenario name '" + value + "' differs from the file name '" + defaultName + "'");
          }
          name = value;
        }
        case "description" -> description = value;
        case "config" -> {
          config = Selector.parse(value);
          configLine = line;
        }
        case "explore" -> {
          mode = mode(value);
          modeLine = line;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown directive '"
                    + head
                    + ":' (known: scenario, description, config, explore, "
                    + (ops.setupNames().isEmpty() ? "" : String.join(", ", ops.setupNames()) + ", ")
                    + "task)");
      }
    }

    /** The operation on an indented line: a name of the vocabulary, read by its reader. */
    private Op operation(String content) {
      OpLine l = OpLine.of(line, tasks.size() - 1, content);
      if (l.name().equals("call")
          && !ops.names().contains("call")
          && l.size() > 1
          && ops.names().contains(l.word(1))) {
        // The form before targets declared their own vocabulary: say what to write instead.
        throw l.error(
            0,
            "'call' is gone: write the target's operation by its name, '"
                + String.join(" ", l.args())
                + "'");
      }
      if (!ops.names().contains(l.name())) {
        throw l.error(
            0,
            "unknown operation '"
                + l.name()
                + "' (known: "
                + (ops.names().isEmpty()
                    ? "none: the target declares no operations"
                    : String.join(", ", ops.names()))
                + ")");
      }
      return located(l, false);
    }

    /** The reader's op for {@code l}; a plain refusal is located at the line's first word. */
    private Op located(OpLine l, boolean isSetup) {
      Op op;
      try {
        op = isSetup ? reader.setup(l) : reader.operation(l);
      } catch (OpLine.Error e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw l.error(0, e.getMessage());
      }
      if (op == null) {
        throw new IllegalStateException(
            "the target's reader returned no op for '" + l.text() + "'");
      }
      return op;
    }

    private static Mode mode(String value) {
      String[] a = value.split("\\s+");
      Map<String, String> kv = new LinkedHashMap<>();
      String kind = a[0].toLowerCase(Locale.ROOT);
      if (kind.equals("replay")) {
        if (a.length != 2) {
          throw new IllegalArgumentException("expected 'explore: replay T0@3,T1@5'");
        }
        return new Mode.Replay(Schedule.parse(a[1]));
      }
      for (int i = 1; i < a.length; i++) {
        int eq = a[i].indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("expected key=value in explore, got '" + a[i] + "'");
        }
        kv.put(a[i].substring(0, eq), a[i].substring(eq + 1));
      }
      switch (kind) {
        case "exhaustive" -> {
          int p = number(kv.remove("preemptions"), 2);
          int max = number(kv.remove("max-schedules"), Mode.DEFAULT_MAX_SCHEDULES);
          String at = kv.remove("at");
          noneLeft(kv, "exhaustive", "preemptions, max-schedules, at");
          List<String> focus = new ArrayList<>();
          if (at != null) {
            for (String n : at.split(",", -1)) {
              if (n.isEmpty()) {
                throw new IllegalArgumentException(
                    "empty point name in at='" + at + "': expected at=method,Class.method");
              }
              focus.add(n);
            }
          }
          return new Mode.Exhaustive(p, max, focus);
        }
        case "fixed" -> {
          String order = kv.remove("order");
          noneLeft(kv, "fixed", "order");
          List<Integer> o = new ArrayList<>();
          if (order != null) {
            for (String t : order.split(",")) {
              if (!t.matches("T\\d{1,2}")) {
                throw new IllegalArgumentException(
                    "order lists task names like T1,T0; got '" + t + "'");
              }
              o.add(Integer.parseInt(t.substring(1)));
            }
          }
          return new Mode.Fixed(o);
        }
        case "pct" -> {
          long seed = kv.containsKey("seed") ? Long.parseLong(kv.remove("seed")) : 0;
          int depth = number(kv.remove("depth"), 3);
          int iterations = number(kv.remove("iterations"), 100);
          noneLeft(kv, "pct", "seed, depth, iterations");
          return new Mode.Pct(seed, depth, iterations);
        }
        default ->
            throw new IllegalArgumentException(
                "unknown exploration mode '" + a[0] + "' (known: exhaustive, fixed, pct, replay)");
      }
    }

    private static int number(String v, int dflt) {
      if (v == null) {
        return dflt;
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number, got '" + v + "'");
      }
    }

    private static void noneLeft(Map<String, String> kv, String mode, String known) {
      if (!kv.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown "
                + mode
                + " setting '"
                + kv.keySet().iterator().next()
                + "' (known: "
                + known
                + ")");
      }
    }
  }
}
