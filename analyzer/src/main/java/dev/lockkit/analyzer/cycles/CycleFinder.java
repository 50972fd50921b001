package dev.lockkit.analyzer.cycles;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.graph.EdgeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the cycle groups of one level of the graph: strongly connected components with a witness
 * and a suggested cut.
 *
 * <p>Implementation overview. Components come from {@link StronglyConnected} (iterative Tarjan,
 * linear). Only components of two or more nodes are groups (self-references were dropped when the
 * graph was built). Elementary cycles are never enumerated: their number can be exponential.
 *
 * <p>Witness: a breadth-first search from a start node inside the component finds the shortest
 * cycle through it. Starts are tried in node-id (name) order, up to {@value #MAX_WITNESS_STARTS} of
 * them, stopping early at a 2-cycle; the shortest found wins, ties to the earliest start. For
 * components of at most that many nodes the witness is a globally shortest cycle; beyond, it is the
 * shortest through the first starts, which bounds the cost at O(starts × E).
 *
 * <p>Cut: a weighted form of the Eades–Lin–Smyth greedy feedback-arc-set heuristic. Nodes are
 * peeled off into a linear order: sinks go to the back, sources to the front, and otherwise the
 * node with the largest (outgoing − incoming) reference weight goes to the front (ties to the
 * smaller id); queues and an ordered tree make this O(E log V). Edges pointing backwards in that
 * order form a feedback set: removing them leaves the order topological. The set is then made
 * minimal: each cut edge, heaviest first, is put back if no path leads from its target to its
 * source without cut edges. The result is a small (not necessarily minimum: that problem is
 * NP-hard) set that prefers cutting edges with few references, i.e. the cheapest to refactor.
 */
public final class CycleFinder {

  static final int MAX_WITNESS_STARTS = 64;
  static final int MAX_LOCATIONS_PER_EDGE = 3;
  private static final int MAX_MINIMISE = 500;

  private CycleFinder() {}

  /** The cycle groups of a level, sorted by their first (smallest) member. */
  public static List<CycleGroup> find(EdgeTable g) {
    int[] comp = StronglyConnected.components(g);
    int n = g.nodeCount();
    int comps = 0;
    for (int c : comp) {
      comps = Math.max(comps, c + 1);
    }
    int[] size = new int[comps];
    for (int c : comp) {
      size[c]++;
    }
    // Members of each component, in id order (ids are name order).
    int[][] members = new int[comps][];
    int[] fill = new int[comps];
    for (int c = 0; c < comps; c++) {
      members[c] = size[c] > 1 ? new int[size[c]] : null;
    }
    for (int v = 0; v < n; v++) {
      if (members[comp[v]] != null) {
        members[comp[v]][fill[comp[v]]++] = v;
      }
    }
    List<int[]> groups = new ArrayList<>();
    for (int[] m : members) {
      if (m != null) {
        groups.add(m);
      }
    }
    groups.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<CycleGroup> out = new ArrayList<>(groups.size());
    for (int[] m : groups) {
      out.add(group(g, comp, m));
    }
    return out;
  }

  private static CycleGroup group(EdgeTable g, int[] comp, int[] members) {
    int c = comp[members[0]];
    List<String> names = new ArrayList<>(members.length);
    List<Integer> inside = new ArrayList<>();
    for (int v : members) {
      names.add(g.nodeName(v));
      for (int e = g.outStart(v); e < g.outStart(v + 1); e++) {
        if (comp[g.to(e)] == c) {
          inside.add(e);
        }
      }
    }
    int[] insideEdges = inside.stream().mapToInt(Integer::intValue).toArray();
    List<CycleGroup.Edge> edges = new ArrayList<>();
    for (int e : insideEdges) {
      edges.add(edge(g, e));
    }
    List<CycleGroup.Edge> witness = new ArrayList<>();
    for (int e : witness(g, comp, members)) {
      witness.add(edge(g, e));
    }
    List<CycleGroup.Edge> cut = new ArrayList<>();
    for (int e : cut(g, members, insideEdges)) {
      cut.add(edge(g, e));
    }
    return new CycleGroup(g.level(), names, edges, witness, cut);
  }

  static CycleGroup.Edge edge(EdgeTable g, int e) {
    int refs = g.refCount(e);
    List<Location> locs = new ArrayList<>();
    for (int k = 0; k < Math.min(refs, MAX_LOCATIONS_PER_EDGE); k++) {
      locs.add(g.location(e, k));
    }
    return new CycleGroup.Edge(g.nodeName(g.from(e)), g.nodeName(g.to(e)), refs, locs);
  }

  /** Edge numbers of one shortest cycle, starting at the cycle's smallest start node. */
  static int[] witness(EdgeTable g, int[] comp, int[] members) {
    int c = comp[members[0]];
    int n = g.nodeCount();
    int[] parentEdge = new int[n];
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[members.length];
    int[] best = null;
    int starts = Math.min(members.length, MAX_WITNESS_STARTS);
    for (int si = 0; si < starts && (best == null || best.length > 2); si++) {
      int s = members[si];
      for (int v : members) {
        dist[v] = -1;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      dist[s] = 0;
      int closing = -1;
      search:
      while (head < tail) {
        int u = queue[head++];
        if (best != null && dist[u] + 1 >= best.length) {
          break;
        }
        for (int e = g.outStart(u); e < g.outStart(u + 1); e++) {
          int w = g.to(e);
          if (comp[w] != c) {
            continue;
          }
          if (w == s) {
            closing = e;
            break search;
          }
          if (dist[w] < 0) {
            dist[w] = dist[u] + 1;
            parentEdge[w] = e;
            queue[tail++] = w;
          }
        }
      }
      if (closing < 0) {
        continue;
      }
      int len = dist[g.from(closing)] + 1;
      int[] cycle = new int[len];
      cycle[len - 1] = closing;
      for (int v = g.from(closing), k = len - 2; v != s; v = g.from(parentEdge[v]), k--) {
        cycle[k] = parentEdge[v];
      }
      if (best == null || cycle.length < best.length) {
        best = cycle;
      }
    }
    return best == null ? new int[0] : best;
  }

  /** A small feedback arc set of the group's inside edges, as edge numbers sorted by edge id. */
  static int[] cut(EdgeTable g, int[] members, int[] insideEdges) {
    int k = members.length;
    int[] local = new int[g.nodeCount()];
    Arrays.fill(local, -1);
    for (int i = 0; i < k; i++) {
      local[members[i]] = i;
    }
    long[] inW = new long[k];
    long[] outW = new long[k];
    int[] inDeg = new int[k];
    int[] outDeg = new int[k];
    for (int e : insideEdges) {
      int a = local[g.from(e)];
      int b = local[g.to(e)];
      outW[a] += g.refCount(e);
      inW[b] += g.refCount(e);
      outDeg[a]++;
      inDeg[b]++;
    }
    // Incoming edges per local node, for degree updates when a node is removed.
    int[][] incoming = new int[k][];
    int[] fillIn = new int[k];
    for (int i = 0; i < k; i++) {
      incoming[i] = new int[inDeg[i]];
    }
    for (int e : insideEdges) {
      int b = local[g.to(e)];
      incoming[b][fillIn[b]++] = e;
    }
    Peeler peeler = new Peeler(g, members, local, incoming, inW, outW, inDeg, outDeg);
    int[] front = new int[k];
    int[] back = new int[k];
    int nf = 0;
    int nb = 0;
    while (nf + nb < k) {
      int v;
      if ((v = peeler.nextSink()) >= 0) {
        back[nb++] = v;
      } else if ((v = peeler.nextSource()) >= 0) {
        front[nf++] = v;
      } else {
        front[nf++] = peeler.bestDelta();
      }
    }
    int[] position = new int[k];
    int p = 0;
    for (int i = 0; i < nf; i++) {
      position[front[i]] = p++;
    }
    for (int i = nb - 1; i >= 0; i--) {
      position[back[i]] = p++;
    }
    boolean[] isCut = new boolean[g.edgeCount()];
    List<Integer> cut = new ArrayList<>();
    for (int e : insideEdges) {
      if (position[local[g.from(e)]] > position[local[g.to(e)]]) {
        isCut[e] = true;
        cut.add(e);
      }
    }
    // Minimalise: put back each cut edge, heaviest first, when that closes no cycle.
    cut.sort(
        (a, b) ->
            g.refCount(a) != g.refCount(b)
                ? Integer.compare(g.refCount(b), g.refCount(a))
                : Integer.compare(a, b));
    if (cut.size() <= MAX_MINIMISE) {
      for (int e : new ArrayList<>(cut)) {
        if (!reaches(g, g.to(e), g.from(e), local, isCut, k)) {
          isCut[e] = false;
          cut.remove(Integer.valueOf(e));
        }
      }
    }
    return cut.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * The node order of the Eades–Lin–Smyth heuristic, in O(E log V): sinks and sources are kept in
   * queues as degrees drop, and the remaining nodes in a tree ordered by (out-weight − in-weight)
   * descending, then id, so the choice is deterministic.
   */
  private static final class Peeler {
    private final EdgeTable g;
    private final int[] members;
    private final int[] local;
    private final int[][] incoming;
    private final long[] inW;
    private final long[] outW;
    private final int[] inDeg;
    private final int[] outDeg;
    private final boolean[] removed;
    private final java.util.ArrayDeque<Integer> sinks = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Integer> sources = new java.util.ArrayDeque<>();
    private final java.util.TreeSet<Integer> byDelta;

    Peeler(
        EdgeTable g,
        int[] members,
        int[] local,
        int[][] incoming,
        long[] inW,
        long[] outW,
        int[] inDeg,
        int[] outDeg) {
      this.g = g;
      this.members = members;
      this.local = local;
      this.incoming = incoming;
      this.inW = inW;
      this.outW = outW;
      this.inDeg = inDeg;
      this.outDeg = outDeg;
      this.removed = new boolean[members.length];
      this.byDelta =
          new java.util.TreeSet<>(
              (a, b) -> {
                int c = Long.compare(outW[b] - inW[b], outW[a] - inW[a]);
                return c != 0 ? c : Integer.compare(a, b);
              });
      for (int i = 0; i < members.length; i++) {
        byDelta.add(i);
        if (outDeg[i] == 0) {
          sinks.add(i);
        } else if (inDeg[i] == 0) {
          sources.add(i);
        }
      }
    }

    int nextSink() {
      return next(sinks);
    }

    int nextSource() {
      return next(sources);
    }

    private int next(java.util.ArrayDeque<Integer> queue) {
      while (!queue.isEmpty()) {
        int v = queue.poll();
        if (!removed[v]) {
          remove(v);
          return v;
        }
      }
      return -1;
    }

    int bestDelta() {
      int v = byDelta.first();
      remove(v);
      return v;
    }

    private void remove(int i) {
      removed[i] = true;
      byDelta.remove(i);
      int v = members[i];
      for (int e = g.outStart(v); e < g.outStart(v + 1); e++) {
        int b = local[g.to(e)];
        if (b >= 0 && !removed[b]) {
          byDelta.remove(b);
          inDeg[b]--;
          inW[b] -= g.refCount(e);
          byDelta.add(b);
          if (inDeg[b] == 0) {
            sources.add(b);
          }
        }
      }
      for (int e : incoming[i]) {
        int a = local[g.from(e)];
        if (!removed[a]) {
          byDelta.remove(a);
          outDeg[a]--;
          outW[a] -= g.refCount(e);
          byDelta.add(a);
          if (outDeg[a] == 0) {
            sinks.add(a);
          }
        }
      }
    }
  }

  /** Whether {@code to} is reachable from {@code from} inside the group without cut edges. */
  private static boolean reaches(
      EdgeTable g, int from, int to, int[] local, boolean[] isCut, int groupSize) {
    boolean[] seen = new boolean[groupSize];
    int[] stack = new int[groupSize];
    int sp = 0;
    stack[sp++] = from;
    seen[local[from]] = true;
    while (sp > 0) {
      int u = stack[--sp];
      if (u == to) {
        return true;
      }
      for (int e = g.outStart(u); e < g.outStart(u + 1); e++) {
        int w = g.to(e);
        if (!isCut[e] && local[w] >= 0 && !seen[local[w]]) {
          seen[local[w]] = true;
          stack[sp++] = w;
        }
      }
    }
    return false;
  }
}
