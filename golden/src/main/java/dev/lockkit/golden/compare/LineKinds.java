package dev.lockkit.golden.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The <em>kind</em> of a golden-text line, which is what "a kind of line the old files do not have
 * at all" means to {@code lockkit golden compare}: the observation a line reports, without its
 * values. A target that starts printing its page tables adds {@code pte 0x15000 rw} lines, kind
 * {@code pte}; such lines are new observations of the same runs, not new behaviour.
 *
 * <ul>
 *   <li>a task's line ({@code T1: fault 0x10000 read ...}, {@code T0: mmap_lock_released: ...}):
 *       {@code T*: } and the operation or tracepoint name ({@code T*: fault}), whatever the task;
 *   <li>any other line: its text before the first {@code ':'} or digit, trimmed ({@code pte},
 *       {@code maps}, {@code vma lock stats}); its first word when that is empty;
 *   <li>an indented line: the kind of the unindented line it continues (a {@code maps:} block's
 *       lines are {@code maps}), so a whole new block is one kind.
 * </ul>
 *
 * <p>Some lines are behaviour by their nature and never count as an observation that could be
 * added, whatever their kind: an outcome's task result lines (which operation returned what), any
 * {@code FAILURE} line, and the scheduler's {@code sched:} lines of a trace (exploration, never
 * compared as events).
 */
final class LineKinds {

  private static final Pattern TASK = Pattern.compile("T\\d+: ([^\\s:=]+).*");

  private LineKinds() {}

  /**
   * The kind of each line of {@code lines}, null where a line can never be an added observation.
   *
   * @param results whether the lines are an outcome's text, whose task lines are results
   */
  static List<String> of(List<String> lines, boolean results) {
    List<String> out = new ArrayList<>(lines.size());
    String block = null;
    for (String line : lines) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
        out.add(block);
        continue;
      }
      block = unindented(line, results);
      out.add(block);
    }
    return out;
  }

  private static String unindented(String line, boolean results) {
    if (line.startsWith("FAILURE") || line.startsWith("sched: ")) {
      return null;
    }
    Matcher m = TASK.matcher(line);
    if (m.matches()) {
      return results ? null : "T*: " + m.group(1);
    }
    int end = 0;
    while (end < line.length() && line.charAt(end) != ':' && !Character.isDigit(line.charAt(end))) {
      end++;
    }
    String head = line.substring(0, end).strip();
    if (!head.isEmpty()) {
      return head;
    }
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }

  /** Every kind that occurs in {@code g}'s outcome texts and traces. */
  static Set<String> in(GoldenText g) {
    Set<String> out = new TreeSet<>();
    for (GoldenText.Outcome o : g.outcomes()) {
      addAll(out, of(o.text().isEmpty() ? List.of() : List.of(o.text().split("\n")), true));
      addAll(out, of(o.trace(), false));
    }
    return out;
  }

  private static void addAll(Set<String> out, List<String> kinds) {
    for (String k : kinds) {
      if (k != null) {
        out.add(k);
      }
    }
  }

  /** {@code lines} without those whose kind is in {@code dropped}. */
  static List<String> without(List<String> lines, boolean results, Set<String> dropped) {
    List<String> kinds = of(lines, results);
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String k = kinds.get(i);
      if (k == null || !dropped.contains(k)) {
        out.add(lines.get(i));
      }
    }
    return out;
  }
}
