package dev.lockkit.analyzer.graph;

/** Stable counting sorts over int keys, used to order references without boxing. */
final class IntArrays {
  private IntArrays() {}

  /**
   * Reorders {@code order} stably by {@code key[order[i]]}, where keys lie in {@code [0, range)}.
   */
  static int[] stableSortBy(int[] order, int[] key, int range) {
    int[] counts = new int[range + 1];
    for (int i : order) {
      counts[key[i] + 1]++;
    }
    for (int k = 0; k < range; k++) {
      counts[k + 1] += counts[k];
    }
    int[] out = new int[order.length];
    for (int i : order) {
      out[counts[key[i]]++] = i;
    }
    return out;
  }
}
