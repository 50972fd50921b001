package dev.lockkit.analyzer.graph;

import dev.lockkit.analyzer.finding.Location;
import java.util.Arrays;

/**
 * The edges of the code graph at one {@link Level}, in compressed sparse row form.
 *
 * <p>Implementation overview. Nodes are ints {@code 0..nodeCount-1} ordered by name, so every
 * iteration order is deterministic. Edges are sorted by (from, to) and numbered; the out-edges of
 * node {@code n} are the edge numbers {@code [outStart(n), outStart(n + 1))}. Every edge keeps all
 * its source references: {@code refOrder} lists reference indices of the owning {@link CodeGraph}
 * sorted by (from, to, file, line, column), and edge {@code e} owns the slice {@code [refStart[e],
 * refStart[e + 1])}. The table is built by two stable counting sorts (by target, then by source)
 * over references that are already in (file, line, column) order, so building is linear in the
 * number of references and memory is a handful of int arrays.
 */
public final class EdgeTable {

  private final CodeGraph graph;
  private final Level level;
  private final String[] names;
  private final int[] outStart;
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final int[] refStart;
  private final int[] refOrder;

  EdgeTable(CodeGraph graph, Level level, String[] names, int[] refFrom, int[] refTo) {
    this.graph = graph;
    this.level = level;
    this.names = names;
    int n = names.length;
    int refs = refFrom.length;
    // Keep only references that cross nodes at this level.
    int kept = 0;
    for (int i = 0; i < refs; i++) {
      if (refFrom[i] != refTo[i]) {
        kept++;
      }
    }
    int[] order = new int[kept];
    for (int i = 0, k = 0; i < refs; i++) {
      if (refFrom[i] != refTo[i]) {
        order[k++] = i;
      }
    }
    order = IntArrays.stableSortBy(order, refTo, n);
    order = IntArrays.stableSortBy(order, refFrom, n);
    this.refOrder = order;
    int edges = 0;
    for (int k = 0; k < order.length; k++) {
      if (k == 0
          || refFrom[order[k]] != refFrom[order[k - 1]]
          || refTo[order[k]] != refTo[order[k - 1]]) {
        edges++;
      }
    }
    edgeFrom = new int[edges];
    edgeTo = new int[edges];
    refStart = new int[edges + 1];
    int e = -1;
    for (int k = 0; k < order.length; k++) {
      if (k == 0
          || refFrom[order[k]] != refFrom[order[k - 1]]
          || refTo[order[k]] != refTo[order[k - 1]]) {
        e++;
        edgeFrom[e] = refFrom[order[k]];
        edgeTo[e] = refTo[order[k]];
        refStart[e] = k;
      }
    }
    refStart[edges] = order.length;
    outStart = new int[n + 1];
    for (int i = 0; i < edges; i++) {
      outStart[edgeFrom[i] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
    }
  }

  public Level level() {
    return level;
  }

  public int nodeCount() {
    return names.length;
  }

  public String nodeName(int node) {
    return names[node];
  }

  /** The node with this name, or -1. */
  public int node(String name) {
    int i = Arrays.binarySearch(names, name);
    return i < 0 ? -1 : i;
  }

  public int edgeCount() {
    return edgeFrom.length;
  }

  public int from(int edge) {
    return edgeFrom[edge];
  }

  public int to(int edge) {
    return edgeTo[edge];
  }

  /** First out-edge number of a node; the out-edges of n are [outStart(n), outStart(n + 1)). */
  public int outStart(int node) {
    return outStart[node];
  }

  /** Number of source references behind an edge (its weight). */
  public int refCount(int edge) {
    return refStart[edge + 1] - refStart[edge];
  }

  /** The k-th source location of an edge, in (file, line, column) order. */
  public Location location(int edge, int k) {
    return graph.refLocation(refOrder[refStart[edge] + k]);
  }

  /** The edge from a to b, or -1. */
  public int edge(int a, int b) {
    int lo = outStart[a];
    int hi = outStart[a + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = edgeTo[mid];
      if (t < b) {
        lo = mid + 1;
      } else if (t > b) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
