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
 * Reads {@code .scn} files. Every error names the file and line and says what is wrong; nothing
 * half-parsed escapes. The grammar (also in golden/README.md):
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
 * vma START END PERMS [growsdown|growsup]
 * task:                       (or "task T1:"), then indented operations:
 *   fault ADDR [read|write] [user|kernel]
 *   mmap START END PERMS [growsdown|growsup]
 *   munmap START END
 *   mprotect START END PERMS
 *   fork | exit-child | read-maps | expand-stack ADDR | fatal-signal T1
 *   mmap_read_lock | mmap_read_lock_killable | mmap_read_trylock | mmap_read_unlock
 *   mmap_write_lock | mmap_write_lock_killable | mmap_write_unlock | mmap_write_downgrade
 * </pre>
 */
public final class ScenarioParser {

  private static final List<String> OPERATIONS = operations();

  private ScenarioParser() {}

  private static List<String> operations() {
    List<String> ops = new ArrayList<>(Op.memoryOperations());
    // A target's own operations: 'call NAME [ARG...]' (ScenarioTarget.operations()).
    ops.add("call NAME [ARG...]");
    return List.copyOf(ops);
  }

  /** Parses the file at {@code path}; its base name (without {@code .scn}) names the scenario. */
  public static Scenario parse(Path path) throws ScenarioException {
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
    return parse(path.toString(), base, text);
  }

  /** Parses {@code text}; {@code file} is used in messages, {@code name} unless it names itself. */
  public static Scenario parse(String file, String name, String text) throws ScenarioException {
    return new Run(file, name).parse(text);
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
    private final List<Vma> vmas = new ArrayList<>();
    private final List<Integer> vmaLines = new ArrayList<>();
    private final List<List<Op>> tasks = new ArrayList<>();
    private final List<Expectation> outcomes = new ArrayList<>();
    private final List<int[]> signals = new ArrayList<>(); // {line, from, to}
    private int exitChildLine; // the first exit-child, 0 if none
    private int modeLine;
    private int line;

    Run(String file, String defaultName) {
      this.file = file;
      this.defaultName = defaultName;
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
            tasks.get(tasks.size() - 1).add(operation(content.strip()));
          } else {
            directive(content);
          }
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
      for (int[] s : signals) {
        if (s[2] >= tasks.size() || s[2] == s[1]) {
          throw new ScenarioException(
              file,
              s[0],
              "fatal-signal T"
                  + s[2]
                  + ": no other task of that name (tasks: T0..T"
                  + (tasks.size() - 1)
                  + ")");
        }
      }
      if (exitChildLine != 0
          && tasks.stream().flatMap(List::stream).noneMatch(o -> o instanceof Op.Fork)) {
        throw new ScenarioException(
            file, exitChildLine, "exit-child needs a 'fork' in the scenario (there is no child)");
      }
      try {
        return new Scenario(
            name == null ? defaultName : name,
            description,
            config,
            mode,
            vmas,
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
      if (head.equals("vma")) {
        vma(content.substring(3).strip());
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
                    + ":' (known: scenario, description, config, explore, vma, task)");
      }
    }

    private void vma(String args) {
      String[] a = args.split("\\s+");
      if (a.length < 3 || a.length > 4) {
        throw new IllegalArgumentException("expected 'vma START END PERMS [growsdown|growsup]'");
      }
      Vma v = new Vma(Addresses.parse(a[0]), Addresses.parse(a[1]), a[2], growth(a, 3));
      for (int i = 0; i < vmas.size(); i++) {
        Vma o = vmas.get(i);
        if (o.start() < v.end() && v.start() < o.end()) {
          throw new IllegalArgumentException("VMA overlaps the VMA on line " + vmaLines.get(i));
        }
      }
      vmas.add(v);
      vmaLines.add(line);
    }

    private static Vma.Growth growth(String[] a, int i) {
      if (a.length <= i) {
        return Vma.Growth.NONE;
      }
      return switch (a[i]) {
        case "growsdown" -> Vma.Growth.GROWSDOWN;
        case "growsup" -> Vma.Growth.GROWSUP;
        default ->
            throw new IllegalArgumentException(
                "unknown VMA flag '" + a[i] + "' (known: growsdown, growsup)");
      };
    }

    private Op operation(String text) {
      String[] a = text.split("\\s+");
      String op = a[0];
      switch (op) {
        case "call" -> {
          if (a.length < 2) {
            throw new IllegalArgumentException(
                "expected 'call NAME [ARG...]' (an operation the target declares)");
          }
          return new Op.Call(a[1], List.of(a).subList(2, a.length));
        }
        case "fault" -> {
          arity(a, 2, 4, "fault ADDR [read|write] [user|kernel]");
          Boolean write = null;
          Boolean user = null;
          for (int i = 2; i < a.length; i++) {
            switch (a[i]) {
              case "read", "write" -> {
                if (write != null) {
                  throw new IllegalArgumentException("fault access given twice");
                }
                write = a[i].equals("write");
              }
              case "user", "kernel" -> {
                if (user != null) {
                  throw new IllegalArgumentException("fault mode given twice");
                }
                user = a[i].equals("user");
              }
              default ->
                  throw new IllegalArgumentException(
                      "unknown fault modifier '" + a[i] + "' (known: read, write, user, kernel)");
            }
          }
          return new Op.Fault(Addresses.parse(a[1]), write != null && write, user == null || user);
        }
        case "mmap" -> {
          arity(a, 4, 5, "mmap START END PERMS [growsdown|growsup]");
          return new Op.Mmap(Addresses.parse(a[1]), Addresses.parse(a[2]), a[3], growth(a, 4));
        }
        case "munmap" -> {
          arity(a, 3, 3, "munmap START END");
          return new Op.Munmap(Addresses.parse(a[1]), Addresses.parse(a[2]));
        }
        case "mprotect" -> {
          arity(a, 4, 4, "mprotect START END PERMS");
          return new Op.Mprotect(Addresses.parse(a[1]), Addresses.parse(a[2]), a[3]);
        }
        case "fork" -> {
          arity(a, 1, 1, "fork");
          return new Op.Fork();
        }
        case "exit-child" -> {
          arity(a, 1, 1, "exit-child");
          if (exitChildLine == 0) {
            exitChildLine = line;
          }
          return new Op.ExitChild();
        }
        case "read-maps" -> {
          arity(a, 1, 1, "read-maps");
          return new Op.ReadMaps();
        }
        case "expand-stack" -> {
          arity(a, 2, 2, "expand-stack ADDR");
          return new Op.ExpandStack(Addresses.parse(a[1]));
        }
        case "fatal-signal" -> {
          arity(a, 2, 2, "fatal-signal T<n>");
          if (!a[1].matches("T\\d{1,2}")) {
            throw new IllegalArgumentException(
                "fatal-signal needs a task name like T1, got '" + a[1] + "'");
          }
          int target = Integer.parseInt(a[1].substring(1));
          signals.add(new int[] {line, tasks.size() - 1, target});
          return new Op.FatalSignal(target);
        }
        default -> {
          for (Op.RawOp r : Op.RawOp.values()) {
            if (r.text().equals(op)) {
              arity(a, 1, 1, op);
              return new Op.Raw(r);
            }
          }
          throw new IllegalArgumentException(
              "unknown operation '" + op + "' (known: " + String.join(", ", OPERATIONS) + ")");
        }
      }
    }

    private static void arity(String[] a, int min, int max, String usage) {
      if (a.length < min || a.length > max) {
        throw new IllegalArgumentException("expected '" + usage + "'");
      }
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
