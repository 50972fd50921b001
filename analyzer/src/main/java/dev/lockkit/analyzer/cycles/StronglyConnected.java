package dev.lockkit.analyzer.cycles;

import dev.lockkit.analyzer.graph.EdgeTable;
import java.util.Arrays;

/**
 * Strongly connected components by Tarjan's algorithm, written without recursion.
 *
 * <p>Implementation overview. The recursive algorithm's call stack is replaced by two int arrays:
 * {@code callNode} holds the nodes whose DFS is in progress and {@code callEdge} the next out-edge
 * each will look at. A node is finished when its edges are exhausted; if its low-link equals its
 * index it is the root of a component, which is popped from the Tarjan stack. Depth is bounded by
 * the number of nodes, not by the thread's stack, so a chain of a million types is fine. Nodes and
 * edges are visited in id order (ids are name order), so component numbering is deterministic. Runs
 * in O(V + E) time and O(V) extra space.
 */
public final class StronglyConnected {

  private StronglyConnected() {}

  /**
   * The component of every node: {@code result[n]} is a component number, numbered in the order
   * components complete (reverse topological order of the condensation).
   */
  public static int[] components(EdgeTable g) {
    int n = g.nodeCount();
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int depth = 0;
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      callNode[0] = root;
      callEdge[0] = g.outStart(root);
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      depth = 1;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int e = callEdge[depth - 1];
        if (e < g.outStart(v + 1)) {
          callEdge[depth - 1] = e + 1;
          int w = g.to(e);
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth] = g.outStart(w);
            depth++;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        // v is finished.
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            comp[w] = components;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth > 0) {
          int parent = callNode[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return comp;
  }
}
