package dev.lockkit.refactor.move.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a plan changes the type-level code graph, in the analyzer's terms (top-level types and source
 * positions), so the analyzer's own rules can run on the graph the plan would produce.
 *
 * <ul>
 *   <li>{@link #moved}: references made from inside a moved member now come from its destination;
 *   <li>{@link #retarget}: a reference at a position that named the origin now names the
 *       destination;
 *   <li>{@link #added}: references the plan creates (qualified calls back to the origin, calls that
 *       used to be inside one type, forwarders).
 * </ul>
 */
public final class GraphDelta {

  /** Lines and columns (1-based, inclusive) of a moved member in its origin file. */
  public record Span(
      String file, int fromLine, int fromCol, int toLine, int toCol, String destTop) {
    boolean contains(String path, int line, int col) {
      if (!path.equals(file)) {
        return false;
      }
      boolean afterStart = line > fromLine || line == fromLine && col >= fromCol;
      boolean beforeEnd = line < toLine || line == toLine && col <= toCol;
      return afterStart && beforeEnd;
    }
  }

  /** A new reference. */
  public record Ref(String fromTop, String toTop, String file, int line, int col) {}

  /** A reference at a position that named {@code originTop} now names {@code destTop}. */
  public record Retarget(String originTop, String destTop) {}

  /** A type the plan creates, with its package and the module it joins (the origin's root). */
  public record NewType(String fqn, String pkg, String moduleOfType) {}

  public final List<Span> moved = new ArrayList<>();
  // A hash map: only put and get, and the what-if graph looks up every reference of the tree in it
  // (a sorted map compared long keys that share their path, a visible part of the graph rules).
  public final Map<String, Retarget> retarget = new java.util.HashMap<>();
  public final List<Ref> added = new ArrayList<>();
  public final List<NewType> newTypes = new ArrayList<>();

  /** Types that move to another package: old name to the new type. */
  public final Map<String, NewType> renamed = new TreeMap<>();

  /** Key of a position in {@link #retarget}. */
  public static String key(String file, int line, int col) {
    return file + ":" + line + ":" + col;
  }

  /** The destination a reference made at this position now comes from, or null. */
  public String movedFrom(String file, int line, int col) {
    for (Span s : moved) {
      if (s.contains(file, line, col)) {
        return s.destTop;
      }
    }
    return null;
  }
}
