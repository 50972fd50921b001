package dev.lockkit.analyzer.cycles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

  /** A package-level graph: node i is package "p" + i (one type each); edges with weights. */
  static EdgeTable packages(int n, int[][] edges) {
    CodeGraph.Builder b = new CodeGraph.Builder(List.of("m"));
    int file = b.addFile("F.java");
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      // Zero-padded so that name order is numeric order: p0000, p0001, ...
      String p = "p" + String.valueOf((n <= 10_000 ? 10_000 : 1_000_000) + i).substring(1);
      t[i] = b.addType(p + ".T", p, 0);
    }
    int line = 1;
    for (int[] e : edges) {
      int weight = e.length > 2 ? e[2] : 1;
      for (int w = 0; w < weight; w++) {
        b.addReference(t[e[0]], t[e[1]], file, line++, 1);
      }
    }
    return b.build().edges(Level.PACKAGE);
  }

  @Test
  void acyclicGraphHasNoGroups() {
    assertTrue(CycleFinder.find(packages(3, new int[][] {{0, 1}, {1, 2}, {0, 2}})).isEmpty());
  }

  @Test
  void witnessIsTheShortestCycleAndCutIsTheLightEdge() {
    // 0 -> 1 -> 2 -> 0 (long way) and 0 <-> 3 (short way, 3 -> 0 light)
    EdgeTable g = packages(4, new int[][] {{0, 1, 5}, {1, 2, 5}, {2, 0, 5}, {0, 3, 5}, {3, 0, 1}});
    List<CycleGroup> groups = CycleFinder.find(g);
    assertEquals(1, groups.size());
    CycleGroup c = groups.get(0);
    assertEquals(List.of("p0000", "p0001", "p0002", "p0003"), c.members());
    assertEquals(
        List.of("p0000 -> p0003", "p0003 -> p0000"),
        c.witness().stream().map(CycleGroup.Edge::label).toList());
    assertEquals(2, c.cut().size(), c.cut().toString());
    assertTrue(c.cut().stream().anyMatch(e -> e.label().equals("p0003 -> p0000")));
    assertEquals("p0000, p0001, p0002, p0003", c.key());
    // Every witness edge carries its source location.
    assertEquals("F.java", c.witness().get(0).locations().get(0).path());
  }

  @Test
  void separateGroupsAreReportedSeparatelyInNameOrder() {
    EdgeTable g = packages(5, new int[][] {{3, 4}, {4, 3}, {0, 1}, {1, 0}, {1, 2}});
    List<CycleGroup> groups = CycleFinder.find(g);
    assertEquals(2, groups.size());
    assertEquals(List.of("p0000", "p0001"), groups.get(0).members());
    assertEquals(List.of("p0003", "p0004"), groups.get(1).members());
  }

  @Test
  void aLongChainClosedIntoOneCycleDoesNotOverflowTheStack() {
    int n = 100_000;
    int[][] edges = new int[n][];
    for (int i = 0; i < n; i++) {
      edges[i] = new int[] {i, (i + 1) % n};
    }
    EdgeTable g = packages(n, edges);
    int[] comp = StronglyConnected.components(g);
    for (int c : comp) {
      assertEquals(comp[0], c);
    }
    List<CycleGroup> groups = CycleFinder.find(g);
    assertEquals(1, groups.size());
    assertEquals(n, groups.get(0).witness().size());
    assertEquals(1, groups.get(0).cut().size());
  }

  @Test
  void cutBreaksEveryCycleOnRandomGraphs() {
    Random r = new Random(42);
    for (int round = 0; round < 30; round++) {
      int n = 5 + r.nextInt(40);
      List<int[]> edges = new ArrayList<>();
      for (int k = 0; k < n * 3; k++) {
        int a = r.nextInt(n);
        int b = r.nextInt(n);
        if (a != b) {
          edges.add(new int[] {a, b, 1 + r.nextInt(4)});
        }
      }
      EdgeTable g = packages(n, edges.toArray(int[][]::new));
      for (CycleGroup c : CycleFinder.find(g)) {
        Set<String> cut = new HashSet<>();
        c.cut().forEach(e -> cut.add(e.label()));
        assertFalse(hasCycle(c.members(), c.edges(), cut), "round " + round + ": " + c.key());
        // Minimal: putting any one cut edge back closes a cycle.
        for (String back : cut) {
          Set<String> less = new HashSet<>(cut);
          less.remove(back);
          assertTrue(hasCycle(c.members(), c.edges(), less), "cut edge " + back + " is not needed");
        }
        // The witness is a closed walk over group edges.
        List<CycleGroup.Edge> w = c.witness();
        for (int i = 0; i < w.size(); i++) {
          assertEquals(w.get(i).to(), w.get((i + 1) % w.size()).from());
        }
      }
    }
  }

  @Test
  void denseGraphOf300MutuallyDependentPackagesIsReportedQuickly() {
    int n = 300;
    List<int[]> edges = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b) {
          edges.add(new int[] {a, b});
        }
      }
    }
    EdgeTable g = packages(n, edges.toArray(int[][]::new));
    long start = System.nanoTime();
    List<CycleGroup> groups = CycleFinder.find(g);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1, groups.size());
    assertEquals(2, groups.get(0).witness().size());
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }

  private static boolean hasCycle(
      List<String> nodes, List<CycleGroup.Edge> edges, Set<String> cut) {
    // Kahn's algorithm: a cycle remains iff not every node can be removed.
    java.util.Map<String, Integer> in = new java.util.HashMap<>();
    nodes.forEach(v -> in.put(v, 0));
    List<CycleGroup.Edge> kept = edges.stream().filter(e -> !cut.contains(e.label())).toList();
    kept.forEach(e -> in.merge(e.to(), 1, Integer::sum));
    java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
    in.forEach(
        (v, d) -> {
          if (d == 0) {
            ready.add(v);
          }
        });
    int removed = 0;
    while (!ready.isEmpty()) {
      String v = ready.poll();
      removed++;
      for (CycleGroup.Edge e : kept) {
        if (e.from().equals(v) && in.merge(e.to(), -1, Integer::sum) == 0) {
          ready.add(e.to());
        }
      }
    }
    return removed < nodes.size();
  }
}
