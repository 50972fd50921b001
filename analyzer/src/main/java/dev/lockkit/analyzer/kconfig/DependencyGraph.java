package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The "value of S reads U" graph of a Kconfig and its loop check.
 *
 * <p>{@code S} reads {@code U} when {@code U} occurs in {@code S}'s dependencies, prompt condition
 * or defaults, or when {@code U} selects or implies {@code S} (or occurs in that select's
 * condition). A cycle is Kconfig's "recursive dependency": the value of a symbol would depend on
 * itself. Strongly connected components come from Tarjan's algorithm over names in sorted order;
 * the reported loop is the shortest one (breadth-first, neighbours in sorted order) through the
 * alphabetically first symbol of the first cyclic component, so the message is deterministic.
 */
final class DependencyGraph {
  private final SortedMap<String, KconfigSymbol> symbols;
  private final Map<String, SortedMap<String, String>> edges = new TreeMap<>();
  private final Map<String, SortedSet<String>> readers = new TreeMap<>();

  DependencyGraph(
      SortedMap<String, KconfigSymbol> symbols,
      Map<String, List<SelectEdge>> reverse,
      Map<String, List<SelectEdge>> weak) {
    this.symbols = symbols;
    for (KconfigSymbol s : symbols.values()) {
      add(s.name(), s.dependencies(), "depends on");
      add(s.name(), s.promptCondition(), "has a prompt condition on");
      for (KconfigSymbol.Default d : s.defaults()) {
        add(s.name(), Expr.and(d.value(), d.condition()), "has a default reading");
      }
      for (SelectEdge e : reverse.getOrDefault(s.name(), List.of())) {
        add(
            s.name(),
            Expr.and(Expr.sym(e.from().name()), e.select().condition()),
            "is selected by");
      }
      for (SelectEdge e : weak.getOrDefault(s.name(), List.of())) {
        add(s.name(), Expr.and(Expr.sym(e.from().name()), e.select().condition()), "is implied by");
      }
    }
  }

  private void add(String from, Expr e, String reason) {
    for (String var : e.symbols()) {
      // A tristate's hidden "~S=y" variable reads S; other hidden variables (comparisons of
      // values, unknown macro results) are free and read nothing.
      String to =
          var.startsWith(TristateEncoder.HIDDEN) && var.endsWith("=y")
              ? var.substring(TristateEncoder.HIDDEN.length(), var.length() - 2)
              : var;
      if (!symbols.containsKey(to)) {
        continue;
      }
      edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, reason);
      readers.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
    }
  }

  /** For each symbol, the symbols whose value reads it. */
  Map<String, SortedSet<String>> readers() {
    Map<String, SortedSet<String>> out = new HashMap<>();
    readers.forEach((k, v) -> out.put(k, Collections.unmodifiableSortedSet(v)));
    return out;
  }

  private SortedMap<String, String> out(String s) {
    return edges.getOrDefault(s, Collections.emptySortedMap());
  }

  void checkAcyclic() throws KconfigException {
    for (String s : symbols.keySet()) {
      if (out(s).containsKey(s)) {
        throw new KconfigException(
            symbols.get(s).location(), "dependency loop: " + s + " " + out(s).get(s) + " itself");
      }
    }
    for (List<String> scc : components()) {
      if (scc.size() > 1) {
        String start = Collections.min(scc);
        List<String> loop = shortestLoop(start, new TreeSet<>(scc));
        StringBuilder why = new StringBuilder();
        for (int i = 0; i + 1 < loop.size(); i++) {
          if (i > 0) {
            why.append(", ");
          }
          why.append(loop.get(i))
              .append(' ')
              .append(out(loop.get(i)).get(loop.get(i + 1)))
              .append(' ')
              .append(loop.get(i + 1));
        }
        throw new KconfigException(
            symbols.get(start).location(),
            "dependency loop " + String.join(" -> ", loop) + " (" + why + ")");
      }
    }
  }

  private List<String> shortestLoop(String start, SortedSet<String> within) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String u = queue.poll();
      for (String v : out(u).keySet()) {
        if (!within.contains(v)) {
          continue;
        }
        if (v.equals(start)) {
          List<String> path = new ArrayList<>();
          path.add(start);
          for (String x = u; !x.equals(start); x = parent.get(x)) {
            path.add(x);
          }
          path.add(start);
          Collections.reverse(path);
          return path;
        }
        if (!parent.containsKey(v)) {
          parent.put(v, u);
          queue.add(v);
        }
      }
    }
    throw new IllegalStateException("no loop through " + start + " in its component");
  }

  /** Tarjan's strongly connected components, iteratively (deep chains must not overflow). */
  private List<List<String>> components() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    java.util.Set<String> onStack = new java.util.HashSet<>();
    List<List<String>> result = new ArrayList<>();
    int[] counter = {0};
    for (String root : symbols.keySet()) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(new Object[] {root, new ArrayList<>(out(root).keySet()).iterator()});
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        String v = (String) frame[0];
        @SuppressWarnings("unchecked")
        java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
        if (it.hasNext()) {
          String w = it.next();
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.add(w);
            work.push(new Object[] {w, new ArrayList<>(out(w).keySet()).iterator()});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
        } else {
          work.pop();
          if (!work.isEmpty()) {
            String parent = (String) work.peek()[0];
            low.put(parent, Math.min(low.get(parent), low.get(v)));
          }
          if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
              w = stack.pop();
              onStack.remove(w);
              scc.add(w);
            } while (!w.equals(v));
            result.add(scc);
          }
        }
      }
    }
    return result;
  }
}
