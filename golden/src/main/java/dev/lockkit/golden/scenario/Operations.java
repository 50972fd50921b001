package dev.lockkit.golden.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A target's scenario vocabulary: the operations its tasks may perform and how their lines read,
 * and the setup lines of its own a scenario may start with. golden's {@link ScenarioParser} reads
 * the structure of a {@code .scn} file (header, {@code outcome} lines, {@code task:} blocks) and
 * hands every operation line, and every top-level line whose first word is one of {@link
 * #setupUsage()}'s names, to a fresh {@link Reader}.
 *
 * <p>The simplest vocabulary is {@link #of(String...)}: usage lines such as {@code "hit PAGE"},
 * each giving an {@link Op.Named}. A target with typed arguments or checks across lines (lockcore's
 * addresses, VMAs and signals) implements this interface.
 */
public interface Operations {

  /** No operations: every operation line is an unknown operation. */
  Operations NONE = of();

  /**
   * One usage line per operation, e.g. {@code "fault ADDR [read|write] [user|kernel]"}; the first
   * word is the operation's name. Messages list the names in this order.
   */
  List<String> usage();

  /** The target's own setup lines ({@code "vma START END PERMS"}), none by default. */
  default List<String> setupUsage() {
    return List.of();
  }

  /** A reader for one scenario: it may keep state from line to line, for {@link Reader#finish}. */
  Reader reader();

  /** The operations' names, in {@link #usage()} order. */
  default Set<String> names() {
    return firstWords(usage());
  }

  /** The setup lines' names. */
  default Set<String> setupNames() {
    return firstWords(setupUsage());
  }

  /** Reads the lines of one scenario, in file order. */
  interface Reader {
    /**
     * The operation on {@code line}, whose name is one of {@link #names()}. Throws {@link
     * OpLine#error} (or any {@link IllegalArgumentException}) for a line it refuses.
     */
    Op operation(OpLine line);

    /** The setup item on {@code line}, whose name is one of {@link #setupNames()}. */
    default Op setup(OpLine line) {
      throw line.error(0, "no setup line '" + line.name() + "' in this vocabulary");
    }

    /**
     * Checks across lines once every line is read ({@code tasks} tasks in all): e.g. a signal sent
     * to a task that does not exist. Throws the {@link OpLine#error} of the line at fault.
     */
    default void finish(int tasks) {}
  }

  /**
   * The vocabulary of {@code usage} lines: name, then one word per argument, {@code [WORD]} for an
   * optional one, a last {@code WORD...} for any number. Each line is an {@link Op.Named}; a wrong
   * number of arguments is an error quoting the usage.
   */
  static Operations of(String... usage) {
    return new Simple(List.of(usage));
  }

  private static Set<String> firstWords(List<String> lines) {
    Set<String> out = new LinkedHashSet<>();
    for (String u : lines) {
      out.add(u.strip().split("\\s+")[0]);
    }
    return out;
  }

  /** {@link Operations#of}. */
  final class Simple implements Operations {
    private final List<String> usage;
    private final java.util.Map<String, int[]> arity = new java.util.HashMap<>();
    private final java.util.Map<String, String> usageOf = new java.util.HashMap<>();

    private Simple(List<String> usage) {
      this.usage = List.copyOf(usage);
      for (String u : this.usage) {
        String[] w = u.strip().split("\\s+");
        new Op.Named(w[0], List.of()); // checks the name
        int min = 0;
        int max = 0;
        for (int i = 1; i < w.length; i++) {
          if (w[i].endsWith("...")) {
            if (i != w.length - 1) {
              throw new IllegalArgumentException("usage '" + u + "': WORD... must come last");
            }
            max = Integer.MAX_VALUE;
          } else if (w[i].startsWith("[")) {
            max++;
          } else {
            if (max > min) {
              throw new IllegalArgumentException(
                  "usage '" + u + "': a required argument after an optional one");
            }
            min++;
            max++;
          }
        }
        if (arity.put(w[0], new int[] {min, max}) != null) {
          throw new IllegalArgumentException("operation '" + w[0] + "' declared twice");
        }
        usageOf.put(w[0], String.join(" ", w));
      }
    }

    @Override
    public List<String> usage() {
      return usage;
    }

    @Override
    public Reader reader() {
      return line -> {
        int[] a = arity.get(line.name());
        int args = line.size() - 1;
        if (args < a[0] || args > a[1]) {
          throw line.error(
              args > a[1] ? a[1] + 1 : 0, "expected '" + usageOf.get(line.name()) + "'");
        }
        return new Op.Named(line.name(), line.args());
      };
    }
  }
}
