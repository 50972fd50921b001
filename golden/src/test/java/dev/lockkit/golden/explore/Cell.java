package dev.lockkit.golden.explore;

import dev.lockkit.golden.spi.Scheduling;
import java.util.Objects;

/**
 * A tiny shared cell that, like lockcore's {@code sync} cells, announces every access to the
 * platform. Plain fields are safe here: the controlled platform runs one task at a time and its
 * hand-offs are volatile.
 */
final class Cell<T> {
  private final String name;
  private T value;

  Cell(String name, T initial) {
    this.name = name;
    this.value = initial;
  }

  T get() {
    Scheduling.current().beforeSharedAccess(this, "load");
    return value;
  }

  void set(T v) {
    Scheduling.current().beforeSharedAccess(this, "store");
    value = v;
  }

  boolean cas(T expected, T update) {
    Scheduling.current().beforeSharedAccess(this, "cas");
    if (Objects.equals(value, expected)) {
      value = update;
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return "cell " + name;
  }
}
