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

  // Object.toString's "Type@1b6d3586"; at least 4 hex digits so "T0@3" schedule entries survive.
  private static final Pattern IDENTITY_HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
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
