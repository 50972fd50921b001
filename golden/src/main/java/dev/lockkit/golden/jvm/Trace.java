package dev.lockkit.golden.jvm;

import java.util.Arrays;

/**
 * The steps of one schedule, kept as pairs of strings that already exist (a task's name and the
 * site constant of its operation) and joined into text only for a schedule whose trace is kept (the
 * first of each outcome): a search runs thousands of schedules and keeps a few traces.
 */
final class Trace {

  private String[] heads = new String[64];
  private String[] tails = new String[64];
  private int size;

  void clear() {
    Arrays.fill(heads, 0, size, null);
    Arrays.fill(tails, 0, size, null);
    size = 0;
  }

  /** Appends the line {@code head + " " + tail}. */
  void add(String head, String tail) {
    if (size == heads.length) {
      heads = Arrays.copyOf(heads, size * 2);
      tails = Arrays.copyOf(tails, size * 2);
    }
    heads[size] = head;
    tails[size] = tail;
    size++;
  }

  /** The trace as text, one line per step, each ending in a newline. */
  String render() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      sb.append(heads[i]).append(' ').append(tails[i]).append('\n');
    }
    return sb.toString();
  }
}
