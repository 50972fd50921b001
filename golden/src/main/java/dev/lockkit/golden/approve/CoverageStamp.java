package dev.lockkit.golden.approve;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a golden text says was explored: the header lines {@code variant:}, {@code mode:}, {@code
 * schedules:} and {@code search:} that every scenario golden text starts with. Those lines are the
 * coverage stamp of an approved file; reading them back lets a verify refuse a run that explored
 * less than the approved file claims, and lets a hand edit into an impossible state be caught with
 * its line number.
 *
 * <p>Implementation overview. The stamp is the golden text's own header, not an extra block: the
 * approved files written before stamps were checked already carry it, so the format stays as it
 * was. {@link #parse} accepts exactly what {@code Exploration.goldenText} prints and checks the
 * lines against each other (a search "incomplete: stopped at max-schedules=M" must have explored
 * exactly M schedules, "complete at preemption bound K" must name the mode's bound, a fixed or
 * replay run is one schedule...). {@link #weakerThan} orders two stamps of the same scenario.
 *
 * @param variant the variant id, or null when the text has no {@code variant:} line
 * @param kind {@code exhaustive}, {@code pct}, {@code fixed} or {@code replay}
 * @param preemptions the preemption bound of an exhaustive search, else -1
 * @param maxSchedules the schedule cap of an exhaustive search, else -1
 * @param iterations the iterations of a PCT run, else -1
 * @param schedules schedules explored
 * @param complete whether the search finished (false: an exhaustive search cut by its cap)
 * @param focus the named points a focused exhaustive search preempted at (sorted); empty for an
 *     unfocused search or another mode
 */
public record CoverageStamp(
    String variant,
    String kind,
    int preemptions,
    long maxSchedules,
    long iterations,
    long schedules,
    boolean complete,
    java.util.List<String> focus) {

  /** Copies the focus. */
  public CoverageStamp {
    focus = java.util.List.copyOf(focus);
  }

  /** A stamp of an unfocused search or of a mode other than exhaustive. */
  public CoverageStamp(
      String variant,
      String kind,
      int preemptions,
      long maxSchedules,
      long iterations,
      long schedules,
      boolean complete) {
    this(variant, kind, preemptions, maxSchedules, iterations, schedules, complete, List.of());
  }

  /** A stamp line that cannot be, with the (1-based) line it is on. */
  public static final class StampException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    StampException(int line, String message) {
      super(line + ": " + message);
      this.line = line;
    }

    /** The 1-based line of the golden text. */
    public int line() {
      return line;
    }
  }

  private static final Pattern EXHAUSTIVE =
      Pattern.compile("exhaustive preemptions=(\\d+) max-schedules=(\\d+)(?: at=(\\S+))?");
  private static final Pattern PCT =
      Pattern.compile("pct seed=-?\\d+ depth=\\d+ iterations=(\\d+)");
  private static final Pattern CUT =
      Pattern.compile("complete at preemption bound (\\d+) \\(the bound cut (\\d+) choices\\)");
  private static final Pattern FOCUSED =
      Pattern.compile(
          "complete at preemption bound (\\d+) at the named points"
              + " \\(the bound cut (\\d+) choices, the focus (\\d+)\\)");
  private static final Pattern CAPPED =
      Pattern.compile("incomplete: stopped at max-schedules=(\\d+)");
  private static final String EVERY =
      "complete: every interleaving explored (the preemption bound never applied)";

  /**
   * Reads the stamp from the header of {@code text} (the lines before the first blank line).
   *
   * @return the stamp, or null when the text has no {@code mode:} line (not a scenario golden text)
   * @throws StampException for a stamp that does not parse or contradicts itself
   */
  public static CoverageStamp parse(String text) {
    String[] lines = text.split("\n", -1);
    String variant = null;
    String mode = null;
    String schedulesText = null;
    String search = null;
    int modeLine = 0;
    int schedulesLine = 0;
    int searchLine = 0;
    for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
      String l = lines[i];
      if (l.startsWith("variant: ")) {
        variant = l.substring(9);
      } else if (l.startsWith("mode: ")) {
        mode = l.substring(6);
        modeLine = i + 1;
      } else if (l.startsWith("schedules: ")) {
        schedulesText = l.substring(11);
        schedulesLine = i + 1;
      } else if (l.startsWith("search: ")) {
        search = l.substring(8);
        searchLine = i + 1;
      }
    }
    if (mode == null) {
      return null;
    }
    if (schedulesText == null || search == null) {
      throw new StampException(
          modeLine, "coverage stamp incomplete: 'mode:' needs 'schedules:' and 'search:' below it");
    }
    long schedules;
    try {
      schedules = Long.parseLong(schedulesText);
    } catch (NumberFormatException e) {
      throw new StampException(
          schedulesLine, "schedules must be a count, got '" + schedulesText + "'");
    }
    if (schedules < 1) {
      throw new StampException(
          schedulesLine, "schedules must be at least 1 (every mode runs one), got " + schedules);
    }
    Matcher m;
    if ((m = EXHAUSTIVE.matcher(mode)).matches()) {
      int bound = Integer.parseInt(m.group(1));
      long cap = Long.parseLong(m.group(2));
      List<String> focus = m.group(3) == null ? List.of() : Arrays.asList(m.group(3).split(","));
      if (!focus.equals(focus.stream().sorted().distinct().toList())) {
        throw new StampException(
            modeLine, "the named points of at= must be sorted and distinct, got " + m.group(3));
      }
      boolean complete =
          exhaustiveSearch(search, searchLine, bound, cap, schedules, !focus.isEmpty());
      if (schedules > cap) {
        throw new StampException(
            schedulesLine, schedules + " schedules is more than the mode's max-schedules=" + cap);
      }
      return new CoverageStamp(variant, "exhaustive", bound, cap, -1, schedules, complete, focus);
    }
    if (!search.equals("complete")) {
      throw new StampException(
          searchLine,
          "a " + mode.split(" ")[0] + " run is always 'complete', got '" + search + "'");
    }
    if ((m = PCT.matcher(mode)).matches()) {
      long iterations = Long.parseLong(m.group(1));
      if (schedules != iterations) {
        throw new StampException(
            schedulesLine,
            "a PCT run of iterations=" + iterations + " explores that many, not " + schedules);
      }
      return new CoverageStamp(variant, "pct", -1, -1, iterations, schedules, true);
    }
    String kind = mode.equals("fixed") || mode.startsWith("fixed order=") ? "fixed" : null;
    if (mode.startsWith("replay ")) {
      kind = "replay";
    }
    if (kind == null) {
      throw new StampException(
          modeLine,
          "unknown mode '"
              + mode
              + "' (expected exhaustive preemptions=N max-schedules=N, pct seed=N depth=N"
              + " iterations=N, fixed [order=...] or replay SCHEDULE)");
    }
    if (schedules != 1) {
      throw new StampException(
          schedulesLine, "a " + kind + " run is one schedule, not " + schedules);
    }
    return new CoverageStamp(variant, kind, -1, -1, -1, 1, true);
  }

  private static boolean exhaustiveSearch(
      String search, int line, int bound, long cap, long schedules, boolean focused) {
    Matcher m = FOCUSED.matcher(search);
    if (m.matches()) {
      if (!focused) {
        throw new StampException(
            line, "search says 'at the named points' but the mode names none (no at=)");
      }
      if (Integer.parseInt(m.group(1)) != bound) {
        throw new StampException(
            line, "search names preemption bound " + m.group(1) + " but the mode says " + bound);
      }
      return true;
    }
    if (focused && !CAPPED.matcher(search).matches()) {
      // A focused search refused preemptions off its points: it never explored everything.
      throw new StampException(
          line,
          "a focused search (at=) is 'complete at preemption bound N at the named points (...)'"
              + " or truncated, got '"
              + search
              + "'");
    }
    if (search.equals(EVERY)) {
      return true;
    }
    m = CUT.matcher(search);
    if (m.matches()) {
      if (Integer.parseInt(m.group(1)) != bound) {
        throw new StampException(
            line, "search names preemption bound " + m.group(1) + " but the mode says " + bound);
      }
      if (Long.parseLong(m.group(2)) < 1) {
        throw new StampException(
            line, "a bound that cut 0 choices never applied: the search line would say so");
      }
      return true;
    }
    m = CAPPED.matcher(search);
    if (m.matches()) {
      if (Long.parseLong(m.group(1)) != cap) {
        throw new StampException(
            line,
            "search stopped at max-schedules=" + m.group(1) + " but the mode's cap is " + cap);
      }
      if (schedules != cap) {
        throw new StampException(
            line,
            "a truncated search stops at exactly max-schedules="
                + cap
                + " schedules, but the stamp says "
                + schedules);
      }
      return false;
    }
    throw new StampException(
        line,
        "unknown search line '"
            + search
            + "' (expected 'complete: every interleaving explored ...', 'complete at preemption"
            + " bound N (the bound cut N choices)' or 'incomplete: stopped at max-schedules=N')");
  }

  /**
   * Why this stamp (of a new run) covers less than {@code approved} (the approved file's), or null
   * when it covers at least as much. Only the search effort counts, never the schedule count of a
   * complete search: a refactoring may legitimately change how many schedules a bound admits.
   */
  public String weakerThan(CoverageStamp approved) {
    if (approved.kind.equals("exhaustive")) {
      if (!kind.equals("exhaustive")) {
        return "the approved file was an exhaustive search, this run is " + kind;
      }
      if (!approved.focus.isEmpty() || !focus.isEmpty()) {
        // A focused search explores the schedules whose preemptions all fall at its points: it
        // covers another search's only if it preempts at least wherever that one did.
        if (approved.focus.isEmpty()) {
          return "this run preempts only at the named points "
              + String.join(",", focus)
              + ", the approved file's search preempted anywhere";
        }
        if (!focus.isEmpty() && !focus.containsAll(approved.focus)) {
          return "this run does not preempt at "
              + String.join(",", approved.focus.stream().filter(n -> !focus.contains(n)).toList())
              + ", where the approved file's focused search did";
        }
      }
      if (preemptions < approved.preemptions) {
        return "preemption bound "
            + preemptions
            + " is smaller than the approved file's "
            + approved.preemptions;
      }
      if (approved.complete && !complete && preemptions == approved.preemptions) {
        return "search truncated at max-schedules="
            + maxSchedules
            + " where the approved file's search was complete";
      }
      if (!approved.complete && !complete && schedules < approved.schedules) {
        return "truncated after "
            + schedules
            + " schedules, the approved file explored "
            + approved.schedules;
      }
      return null;
    }
    if (approved.kind.equals("pct") && kind.equals("pct") && iterations < approved.iterations) {
      return "PCT iterations="
          + iterations
          + " is fewer than the approved file's "
          + approved.iterations;
    }
    return null;
  }

  /** The stamp as one line, for messages. */
  public String describe() {
    return switch (kind) {
          case "exhaustive" ->
              "exhaustive preemptions="
                  + preemptions
                  + ", "
                  + schedules
                  + " schedules, "
                  + (complete ? "complete at bound" : "truncated at max-schedules=" + maxSchedules)
                  + (focus.isEmpty() ? "" : ", only at " + String.join(",", focus));
          case "pct" -> "pct, " + iterations + " iterations";
          default -> kind + ", 1 schedule";
        }
        + (variant == null ? "" : ", variant " + variant);
  }
}
