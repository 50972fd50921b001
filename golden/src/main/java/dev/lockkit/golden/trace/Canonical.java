package dev.lockkit.golden.trace;

import java.util.regex.Pattern;
import org.approvaltests.core.Scrubber;
import org.approvaltests.scrubbers.MultiScrubber;
import org.approvaltests.scrubbers.RegExScrubber;

/**
 * Scrubs run-specific noise out of text so that the same behaviour gives byte-identical output.
 *
 * <p>Uses ApprovalTests' {@link RegExScrubber}, which numbers distinct matches in order of first
 * appearance: two different objects stay distinguishable ({@code @h1}, {@code @h2}) while their
 * actual identity hashes vary from run to run.
 */
public final class Canonical {

  // Object.toString's "Type@1b6d3586". An identity hash has 1 to 8 hex digits (a short one is rare
  // but happens, and then leaked into a failure text and broke a test once), so the digit count
  // cannot tell it from a schedule entry "T0@3": the name before the '@' does. A schedule entry's
  // name is T and digits; anything else directly before an '@' is a type name.
  private static final Pattern IDENTITY_HASH =
      Pattern.compile("(?<=[\\w$])(?<!\\bT\\d{1,9})@[0-9a-f]{1,8}\\b");
  // JVM and pool thread names; task threads are named by task (T0, T1...) in traces.
  private static final Pattern THREAD_NAME =
      Pattern.compile("\\b(?:Thread-\\d+|golden-worker-\\d+|ForkJoinPool[-.\\w]*worker-\\d+)\\b");
  private static final Pattern DURATION =
      Pattern.compile("\\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s)\\b");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z?\\b");

  private static final Scrubber SCRUBBER =
      new MultiScrubber(
          java.util.List.of(
              new RegExScrubber(TIMESTAMP, n -> "<time" + n + ">"),
              new RegExScrubber(IDENTITY_HASH, n -> "@h" + n),
              new RegExScrubber(THREAD_NAME, n -> "<thread" + n + ">"),
              new RegExScrubber(DURATION, n -> "<duration" + n + ">")));

  private Canonical() {}

  /** The ApprovalTests scrubber applying every rule of this class, for {@code Options}. */
  public static Scrubber scrubber() {
    return SCRUBBER;
  }

  /** Scrubs {@code text}; numbering of placeholders restarts for each call. */
  public static String scrub(String text) {
    return SCRUBBER.scrub(text);
  }
}
