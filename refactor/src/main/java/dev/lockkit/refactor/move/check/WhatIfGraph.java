package dev.lockkit.refactor.move.check;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analyzer's graph rules on the graph a plan would produce, without writing a file.
 *
 * <p>Implementation overview. The analyzer's {@link CodeGraph} of the project as it is (built by
 * the analyzer's own front end) keeps every type-level reference with its source position. The
 * what-if graph is rebuilt from those references through the {@link GraphDelta}: a reference whose
 * position lies inside a moved member now starts at the member's destination type; a reference at a
 * position that named a moved member's origin now ends at its destination; and the references the
 * plan creates are added (they did not exist before because they were inside one type, or were not
 * written at all). New destination types join the graph in their package and in the origin's
 * module. {@link dev.lockkit.refactor.findings.AddedFindings} then compares it with the graph
 * before: only what the plan adds is reported (a cycle group with a member or an edge that was in
 * no cycle before, a layer violation whose stable key is new).
 */
public final class WhatIfGraph {

  private WhatIfGraph() {}

  /** The graph after applying {@code delta} to {@code before}. */
  public static CodeGraph apply(CodeGraph before, GraphDelta delta) {
    CodeGraph.Builder b = new CodeGraph.Builder(before.moduleNames());
    EdgeTable pk = before.edges(Level.PACKAGE);
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> moduleOfType = new HashMap<>();
    for (int t = 0; t < before.typeCount(); t++) {
      String name = before.typeName(t);
      GraphDelta.NewType moved = delta.renamed.get(name);
      String pkg = moved == null ? pk.nodeName(before.packageOf(t)) : moved.pkg();
      ids.put(name, b.addType(moved == null ? name : moved.fqn(), pkg, before.moduleOf(t)));
      moduleOfType.put(name, before.moduleOf(t));
    }
    for (GraphDelta.NewType n : delta.newTypes) {
      ids.put(n.fqn(), b.addType(n.fqn(), n.pkg(), moduleOfType.getOrDefault(n.moduleOfType(), 0)));
    }
    record Ref(String from, String to, Location at) {}
    List<Ref> refs = new ArrayList<>();
    EdgeTable types = before.edges(Level.TYPE);
    for (int e = 0; e < types.edgeCount(); e++) {
      String from = types.nodeName(types.from(e));
      String to = types.nodeName(types.to(e));
      for (int k = 0; k < types.refCount(e); k++) {
        Location at = types.location(e, k);
        String movedTo = delta.movedFrom(at.path(), at.line(), at.column());
        GraphDelta.Retarget rt =
            delta.retarget.isEmpty()
                ? null
                : delta.retarget.get(GraphDelta.key(at.path(), at.line(), at.column()));
        String newTo = rt != null && rt.originTop().equals(to) ? rt.destTop() : to;
        refs.add(new Ref(movedTo != null ? movedTo : from, newTo, at));
      }
    }
    for (GraphDelta.Ref r : delta.added) {
      refs.add(new Ref(r.fromTop(), r.toTop(), new Location(r.file(), r.line(), r.col())));
    }
    refs.sort(Comparator.comparing(Ref::at));
    Map<String, Integer> files = new TreeMap<>();
    for (Ref r : refs) {
      files.computeIfAbsent(r.at().path(), b::addFile);
    }
    for (Ref r : refs) {
      Integer from = ids.get(r.from());
      Integer to = ids.get(r.to());
      if (from != null && to != null) {
        b.addReference(from, to, files.get(r.at().path()), r.at().line(), r.at().column());
      }
    }
    return b.build();
  }
}
