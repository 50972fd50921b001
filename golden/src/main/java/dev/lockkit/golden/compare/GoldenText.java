package dev.lockkit.golden.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One golden text split into the parts the comparison classifies: the header lines, the grades
 * section and each outcome (its text, schedule count, first schedule and that schedule's trace).
 *
 * @param header header lines by key ({@code scenario}, {@code variant}, {@code mode}, {@code
 *     schedules}, {@code search}, {@code outcomes}), in file order
 * @param grades the grades section's lines (without their indentation); empty when ungraded
 * @param outcomes the outcomes in file order (sorted by text, as the harness writes them)
 */
record GoldenText(Map<String, String> header, List<String> grades, List<Outcome> outcomes) {

  /**
   * One outcome block.
   *
   * @param text the outcome text: result lines, the target's snapshot, or {@code FAILURE ...}
   * @param count schedules that produced it
   * @param first the first schedule's string
   * @param trace that schedule's trace lines
   */
  record Outcome(String text, long count, String first, List<String> trace) {}

  private static final Pattern OUTCOME =
      Pattern.compile("== outcome (\\d+) of (\\d+) \\((\\d+) schedules?\\)");

  /** Whether {@code text} looks like a scenario golden text (its first line names a scenario). */
  static boolean isGoldenText(String text) {
    return text.startsWith("scenario: ");
  }

  /**
   * Parses {@code text}; {@code name} is used in error messages.
   *
   * @throws IllegalArgumentException naming {@code name} and the line when the text is malformed
   */
  static GoldenText parse(String name, String text) {
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    Map<String, String> header = new LinkedHashMap<>();
    List<String> grades = new ArrayList<>();
    int i = 0;
    for (; i < n && !lines[i].isEmpty(); i++) {
      String line = lines[i];
      if (line.equals("grades:")) {
        for (i++; i < n && lines[i].startsWith("  "); i++) {
          grades.add(lines[i].substring(2));
        }
        i--;
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        throw bad(name, i, "expected a 'key: value' header line, got '" + line + "'");
      }
      header.put(line.substring(0, colon), line.substring(colon + 2));
    }
    if (!header.containsKey("outcomes")) {
      throw bad(name, Math.min(i, n - 1), "no 'outcomes:' header line");
    }
    List<Outcome> outcomes = new ArrayList<>();
    while (i < n) {
      if (lines[i].isEmpty()) {
        i++;
        continue;
      }
      Matcher m = OUTCOME.matcher(lines[i]);
      if (!m.matches()) {
        throw bad(name, i, "expected '== outcome N of M (C schedules)', got '" + lines[i] + "'");
      }
      long count = Long.parseLong(m.group(3));
      int start = ++i;
      while (i < n && !lines[i].startsWith("first schedule: ")) {
        i++;
      }
      if (i >= n) {
        throw bad(name, start - 1, "outcome without a 'first schedule:' line");
      }
      String outcomeText = String.join("\n", List.of(lines).subList(start, i));
      String first = lines[i].substring("first schedule: ".length());
      i++;
      if (i >= n || !lines[i].equals("-- trace of the first schedule")) {
        throw bad(name, Math.min(i, n - 1), "expected '-- trace of the first schedule'");
      }
      i++;
      List<String> trace = new ArrayList<>();
      // A trace runs to the blank line before the next outcome, or to the end.
      while (i < n
          && !(lines[i].isEmpty() && i + 1 < n && lines[i + 1].startsWith("== outcome "))) {
        trace.add(lines[i]);
        i++;
      }
      outcomes.add(new Outcome(outcomeText, count, first, List.copyOf(trace)));
    }
    String declared = header.get("outcomes");
    if (!declared.equals(Integer.toString(outcomes.size()))) {
      throw bad(
          name, 0, "header says outcomes: " + declared + " but the file has " + outcomes.size());
    }
    return new GoldenText(header, List.copyOf(grades), List.copyOf(outcomes));
  }

  /**
   * This text with the lines of the {@code dropped} kinds ({@link LineKinds}) removed from every
   * outcome and trace; outcomes whose texts become equal are merged into the first of them (their
   * schedule counts added), and grade lines are renumbered to match.
   */
  Projection project(Set<String> dropped) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<Outcome> merged = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    int[] newIndex = new int[outcomes.size()];
    int droppedLines = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      List<String> textLines = o.text().isEmpty() ? List.of() : List.of(o.text().split("\n"));
      List<String> kept = LineKinds.without(textLines, true, dropped);
      List<String> trace = LineKinds.without(o.trace(), false, dropped);
      droppedLines += textLines.size() - kept.size() + o.trace().size() - trace.size();
      String text = String.join("\n", kept);
      Integer at = index.get(text);
      if (at == null) {
        index.put(text, merged.size());
        newIndex[i] = merged.size();
        merged.add(new Outcome(text, o.count(), o.first(), List.copyOf(trace)));
        sources.add(1);
      } else {
        Outcome m = merged.get(at);
        merged.set(at, new Outcome(text, m.count() + o.count(), m.first(), m.trace()));
        sources.set(at, sources.get(at) + 1);
        newIndex[i] = at;
      }
    }
    List<String> renumbered = new ArrayList<>();
    for (String line : grades) {
      Matcher m = GRADE_INDEX.matcher(line);
      int old = m.matches() ? Integer.parseInt(m.group(2)) : 0;
      renumbered.add(
          old >= 1 && old <= newIndex.length
              ? m.group(1) + (newIndex[old - 1] + 1) + m.group(3)
              : line);
    }
    Map<String, String> h = new LinkedHashMap<>(header);
    h.put("outcomes", Integer.toString(merged.size()));
    return new Projection(
        new GoldenText(h, List.copyOf(renumbered), List.copyOf(merged)),
        List.copyOf(sources),
        droppedLines);
  }

  /**
   * A projected text ({@link #project}).
   *
   * @param text the text without the dropped lines
   * @param sources for each of its outcomes, how many outcomes of the original merged into it
   * @param droppedLines how many lines were dropped
   */
  record Projection(GoldenText text, List<Integer> sources, int droppedLines) {}

  private static final Pattern GRADE_INDEX = Pattern.compile("(\\w+: outcome )(\\d+)( .*)");

  private static IllegalArgumentException bad(String name, int index, String message) {
    return new IllegalArgumentException(name + ":" + (index + 1) + ": " + message);
  }
}
