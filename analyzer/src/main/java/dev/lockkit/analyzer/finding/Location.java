package dev.lockkit.analyzer.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a source file. {@code path} is relative to the analysed root when possible and
 * always uses {@code /}, so reports are identical across machines; line and column are 1-based (0
 * when unknown).
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::path)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  public Location {
    Objects.requireNonNull(path, "path");
    path = path.replace('\\', '/');
  }

  /** A location for a whole file (no line known). */
  public static Location ofFile(String path) {
    return new Location(path, 0, 0);
  }

  @Override
  public int compareTo(Location o) {
    return ORDER.compare(this, o);
  }

  /** {@code path:line:col}, omitting the parts that are unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return path;
    }
    return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
  }
}
