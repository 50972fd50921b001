package dev.lockkit.golden.cli;

/**
 * One of {@code count} deterministic slices of the matrix: the (scenario, variant) pairs, sorted,
 * are dealt round-robin, so every pair is in exactly one shard and shards are balanced.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {

  /** The whole matrix. */
  public static final Shard ALL = new Shard(1, 1);

  /** Validates the numbers. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}. */
  public static Shard parse(String text) {
    String[] p = text.split("/", -1);
    if (p.length != 2) {
      throw new IllegalArgumentException("shard must be i/n, e.g. 2/4, got '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard must be i/n, e.g. 2/4, got '" + text + "'");
    }
  }

  /** Whether the pair at position {@code k} (0-based, in sorted order) belongs to this shard. */
  public boolean includes(int k) {
    return k % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
