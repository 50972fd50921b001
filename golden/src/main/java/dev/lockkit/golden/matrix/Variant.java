package dev.lockkit.golden.matrix;

import java.util.Set;
import java.util.TreeSet;

/**
 * One build variant: the set of enabled options (all others off).
 *
 * @param enabled the enabled option names, without {@code CONFIG_}
 */
public record Variant(Set<String> enabled) implements Comparable<Variant> {

  /** Copies and sorts the names. */
  public Variant {
    enabled = java.util.Collections.unmodifiableSet(new TreeSet<>(enabled));
  }

  /**
   * A stable identifier usable in file names: the enabled options sorted and joined with {@code +},
   * or {@code none}; e.g. {@code MMU+PER_VMA_LOCK+SMP}.
   */
  public String id() {
    return enabled.isEmpty() ? "none" : String.join("+", enabled);
  }

  /** Parses an {@link #id()}. */
  public static Variant parse(String id) {
    if (id.equals("none")) {
      return new Variant(Set.of());
    }
    return new Variant(Set.of(id.split("\\+")));
  }

  /** Whether {@code option} is enabled. */
  public boolean isEnabled(String option) {
    return enabled.contains(option);
  }

  @Override
  public int compareTo(Variant o) {
    return id().compareTo(o.id());
  }

  @Override
  public String toString() {
    return id();
  }
}
