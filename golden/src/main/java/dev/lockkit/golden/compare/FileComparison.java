package dev.lockkit.golden.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between two versions of one approved file, sorted into behaviour and exploration.
 *
 * <p>Behaviour is what the scenario did: which outcomes are reachable (each outcome's result lines,
 * maps, counters and failures are its identity, so a changed line is one outcome lost and another
 * gained), the grade of each outcome, the declared outcomes not reached, and any header line the
 * harness does not document as exploration. Exploration is how the search got there: the mode and
 * coverage lines, schedule counts, each outcome's first schedule, and that schedule's trace. A
 * trace is an exploration artefact because it belongs to whichever schedule reached the outcome
 * first, and a change to the synchronisation sequence changes which one that is. One trace
 * difference is behaviour all the same: the <em>same</em> first schedule string with different
 * events in some task, i.e. the same decisions leading to other tracepoints or results.
 *
 * <p>Added observation. When the new files report something the old ones never did (a kind of line,
 * {@link LineKinds}, that no old file has: the {@code pte} lines of a target that started printing
 * its page tables), a file whose outcomes differ is compared once more with those lines dropped
 * from the new side. If that leaves no behaviour difference, the file is {@link
 * Category#ADDED_OBSERVATION}: the same outcomes, now observed in more detail; or {@link
 * Category#ADDED_OBSERVATION_SPLIT} when some old outcome now shows as several that differ only in
 * the added lines. Otherwise the differences stay behaviour, as without the new kind.
 *
 * @param name the file's path relative to the compared directories
 * @param behaviour one line per behaviour difference
 * @param observation for an added observation: the kinds of line added and the outcome splits
 * @param exploration one line per kind of exploration difference
 */
public record FileComparison(
    String name, List<String> behaviour, List<String> observation, List<String> exploration) {

  /** How a file's differences are classified; the order is the summary's. */
  public enum Category {
    /** No difference. */
    IDENTICAL,
    /** Only exploration differs. */
    EXPLORATION,
    /** The same outcomes, with lines of a kind the old files do not have. */
    ADDED_OBSERVATION,
    /** As {@link #ADDED_OBSERVATION}, and some outcome split into several by the added lines. */
    ADDED_OBSERVATION_SPLIT,
    /** At least one behaviour difference. */
    BEHAVIOUR
  }

  /** The header keys whose values describe the search, not the behaviour. */
  private static final Set<String> EXPLORATION_KEYS = Set.of("mode", "schedules", "search");

  /** A grade line: {@code GRADE: outcome I (C schedules): DESCRIPTION[ (replay: S)]}. */
  private static final Pattern GRADE =
      Pattern.compile(
          "(\\w+): outcome (\\d+) \\(\\d+ schedules?\\): (.*?)(?: \\(replay: [^)]*\\))?");

  private static final String SPLIT = "outcome split: ";

  /** Copies the lists. */
  public FileComparison {
    behaviour = List.copyOf(behaviour);
    observation = List.copyOf(observation);
    exploration = List.copyOf(exploration);
  }

  /** A comparison without added observation. */
  public FileComparison(String name, List<String> behaviour, List<String> exploration) {
    this(name, behaviour, List.of(), exploration);
  }

  /** Whether the two versions were equal in every respect compared. */
  public boolean identical() {
    return behaviour.isEmpty() && observation.isEmpty() && exploration.isEmpty();
  }

  /** This file's category. */
  public Category category() {
    if (!behaviour.isEmpty()) {
      return Category.BEHAVIOUR;
    }
    if (!observation.isEmpty()) {
      return observation.stream().anyMatch(l -> l.startsWith(SPLIT))
          ? Category.ADDED_OBSERVATION_SPLIT
          : Category.ADDED_OBSERVATION;
    }
    return exploration.isEmpty() ? Category.IDENTICAL : Category.EXPLORATION;
  }

  /**
   * Compares the old and new text of {@code name}; either may be null (the file is missing on that
   * side). No kind of line counts as added.
   *
   * @throws IllegalArgumentException naming the file and line when a golden text is malformed
   */
  public static FileComparison compare(String name, String oldText, String newText) {
    return compare(name, oldText, newText, Set.of());
  }

  /**
   * Compares the old and new text of {@code name}, where {@code addedKinds} are the kinds of line
   * ({@link LineKinds}) that the new files have and the old ones do not.
   *
   * @throws IllegalArgumentException naming the file and line when a golden text is malformed
   */
  public static FileComparison compare(
      String name, String oldText, String newText, Set<String> addedKinds) {
    List<String> behaviour = new ArrayList<>();
    List<String> exploration = new ArrayList<>();
    if (oldText == null || newText == null) {
      behaviour.add(oldText == null ? "new approved file" : "approved file removed");
      return new FileComparison(name, behaviour, exploration);
    }
    if (oldText.equals(newText)) {
      return new FileComparison(name, behaviour, exploration);
    }
    if (!GoldenText.isGoldenText(oldText) || !GoldenText.isGoldenText(newText)) {
      // Not a scenario golden text (e.g. an analyzer report kept beside them): nothing in it is
      // known to be exploration, so any difference counts.
      behaviour.add("text differs (not a scenario golden text: compared verbatim)");
      return new FileComparison(name, behaviour, exploration);
    }
    GoldenText a = GoldenText.parse("old " + name, oldText);
    GoldenText b = GoldenText.parse("new " + name, newText);
    compare(a, b, behaviour, exploration);
    if (behaviour.isEmpty() || addedKinds.isEmpty()) {
      return new FileComparison(name, behaviour, exploration);
    }
    GoldenText.Projection p = b.project(addedKinds);
    if (p.droppedLines() == 0) {
      return new FileComparison(name, behaviour, exploration);
    }
    List<String> projectedBehaviour = new ArrayList<>();
    List<String> projectedExploration = new ArrayList<>();
    compare(a, p.text(), projectedBehaviour, projectedExploration);
    if (!projectedBehaviour.isEmpty()) {
      return new FileComparison(name, behaviour, exploration); // behaviour, as without the kinds
    }
    Set<String> present = new TreeSet<>(LineKinds.in(b));
    present.retainAll(addedKinds);
    List<String> observation = new ArrayList<>();
    observation.add(
        "added "
            + p.droppedLines()
            + " line(s) of kind "
            + String.join(", ", present)
            + " (absent from every old file)");
    for (int i = 0; i < p.sources().size(); i++) {
      if (p.sources().get(i) > 1) {
        observation.add(
            SPLIT
                + p.sources().get(i)
                + " outcomes merge back into "
                + oneLine(p.text().outcomes().get(i).text()));
      }
    }
    return new FileComparison(name, List.of(), observation, projectedExploration);
  }

  private static void compare(
      GoldenText a, GoldenText b, List<String> behaviour, List<String> exploration) {
    compareHeaders(a, b, behaviour, exploration);
    compareOutcomes(a, b, behaviour, exploration);
    compareGrades(a, b, behaviour);
  }

  private static void compareHeaders(
      GoldenText a, GoldenText b, List<String> behaviour, List<String> exploration) {
    Set<String> keys = new LinkedHashSet<>(a.header().keySet());
    keys.addAll(b.header().keySet());
    for (String key : keys) {
      String x = a.header().get(key);
      String y = b.header().get(key);
      if (Objects.equals(x, y) || key.equals("outcomes")) {
        continue; // the outcome count follows from the outcome set, judged below
      }
      String line = key + ": " + x + " -> " + y;
      (EXPLORATION_KEYS.contains(key) ? exploration : behaviour).add(line);
    }
  }

  private static void compareOutcomes(
      GoldenText a, GoldenText b, List<String> behaviour, List<String> exploration) {
    Map<String, GoldenText.Outcome> olds = byText(a);
    Map<String, GoldenText.Outcome> news = byText(b);
    for (String text : olds.keySet()) {
      if (!news.containsKey(text)) {
        behaviour.add("outcome no longer reached: " + oneLine(text));
      }
    }
    for (String text : news.keySet()) {
      if (!olds.containsKey(text)) {
        behaviour.add("new outcome: " + oneLine(text));
      }
    }
    int counts = 0;
    int firsts = 0;
    int interleavings = 0;
    int otherPaths = 0;
    for (Map.Entry<String, GoldenText.Outcome> e : olds.entrySet()) {
      GoldenText.Outcome x = e.getValue();
      GoldenText.Outcome y = news.get(e.getKey());
      if (y == null) {
        continue;
      }
      if (x.count() != y.count()) {
        counts++;
      }
      if (!x.first().equals(y.first())) {
        firsts++;
      }
      if (x.trace().equals(y.trace())) {
        continue;
      }
      Map<String, List<String>> px = perTask(x.trace());
      Map<String, List<String>> py = perTask(y.trace());
      if (px.equals(py)) {
        interleavings++;
      } else if (x.first().equals(y.first())) {
        behaviour.add(
            "same first schedule "
                + x.first()
                + ", different events: "
                + firstDifference(px, py)
                + " (outcome: "
                + oneLine(e.getKey())
                + ")");
      } else {
        otherPaths++;
      }
    }
    if (counts > 0) {
      exploration.add("schedule counts of " + counts + " outcome(s)");
    }
    if (firsts > 0) {
      exploration.add("first schedules of " + firsts + " outcome(s)");
    }
    if (interleavings > 0) {
      exploration.add(
          "traces of " + interleavings + " outcome(s): same events per task, other interleaving");
    }
    if (otherPaths > 0) {
      exploration.add(
          "traces of "
              + otherPaths
              + " outcome(s): another first schedule, reaching the same outcome by another path");
    }
  }

  private static void compareGrades(GoldenText a, GoldenText b, List<String> behaviour) {
    Set<String> common = new LinkedHashSet<>(byText(a).keySet());
    common.retainAll(byText(b).keySet());
    Set<String> x = gradeVerdicts(a, common);
    Set<String> y = gradeVerdicts(b, common);
    for (String v : x) {
      if (!y.contains(v)) {
        behaviour.add("grade no longer given: " + v);
      }
    }
    for (String v : y) {
      if (!x.contains(v)) {
        behaviour.add("new grade: " + v);
      }
    }
  }

  /**
   * Each grade line with its outcome number replaced by the outcome's text and its schedule count
   * and replay string dropped (those are exploration), so a renumbering is not a difference. Grades
   * of outcomes reached on one side only are left out: the lost or new outcome is reported already.
   */
  private static Set<String> gradeVerdicts(GoldenText g, Set<String> commonOutcomes) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : g.grades()) {
      Matcher m = GRADE.matcher(line);
      if (!m.matches()) {
        out.add(line);
        continue;
      }
      int index = Integer.parseInt(m.group(2));
      if (index < 1 || index > g.outcomes().size()) {
        out.add(line);
        continue;
      }
      String text = g.outcomes().get(index - 1).text();
      if (commonOutcomes.contains(text)) {
        out.add(m.group(1) + ": " + m.group(3) + " [" + oneLine(text) + "]");
      }
    }
    return out;
  }

  private static Map<String, GoldenText.Outcome> byText(GoldenText g) {
    Map<String, GoldenText.Outcome> out = new LinkedHashMap<>();
    for (GoldenText.Outcome o : g.outcomes()) {
      out.put(o.text(), o);
    }
    return out;
  }

  /**
   * The trace's events per task, without the scheduler's lines: what each task did, in its own
   * order, whatever the interleaving. Lines without a task prefix are kept under their own key.
   */
  static Map<String, List<String>> perTask(List<String> trace) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String line : trace) {
      if (line.startsWith("sched: ")) {
        continue;
      }
      int colon = line.indexOf(": ");
      String task =
          colon > 1
                  && line.charAt(0) == 'T'
                  && line.substring(1, colon).chars().allMatch(Character::isDigit)
              ? line.substring(0, colon)
              : "-";
      out.computeIfAbsent(task, k -> new ArrayList<>()).add(line);
    }
    return out;
  }

  private static String firstDifference(Map<String, List<String>> x, Map<String, List<String>> y) {
    Set<String> tasks = new LinkedHashSet<>(x.keySet());
    tasks.addAll(y.keySet());
    for (String t : tasks) {
      List<String> a = x.getOrDefault(t, List.of());
      List<String> b = y.getOrDefault(t, List.of());
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String l = i < a.size() ? a.get(i) : "(end)";
        String r = i < b.size() ? b.get(i) : "(end)";
        if (!l.equals(r)) {
          return t + " event " + (i + 1) + " '" + l + "' -> '" + r + "'";
        }
      }
    }
    return "(none)";
  }

  /** An outcome's text on one line, shortened for a summary. */
  private static String oneLine(String text) {
    String s = text.strip().replace("\n", " | ");
    return s.length() <= 300 ? s : s.substring(0, 297) + "...";
  }
}
