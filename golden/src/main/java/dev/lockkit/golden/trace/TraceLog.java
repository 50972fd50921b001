package dev.lockkit.golden.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The events of one schedule, in the order they happened, as canonical lines.
 *
 * <p>Only the task currently running under the controlled platform appends (tasks run one at a time
 * and hand-offs are volatile writes), so no locking is needed; the harness reads the log after the
 * schedule has ended.
 */
public final class TraceLog {

  private final List<String> lines = new ArrayList<>();

  /** Appends one event line (scrubbed when the text is rendered, so numbering spans the log). */
  public void add(String line) {
    lines.add(line);
  }

  /** The events recorded so far. */
  public List<String> lines() {
    return Collections.unmodifiableList(lines);
  }

  /** Number of events recorded. */
  public int size() {
    return lines.size();
  }

  /** The canonical text: one event per line, each scrubbed, with a trailing newline. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    return Canonical.scrub(sb.toString());
  }
}
