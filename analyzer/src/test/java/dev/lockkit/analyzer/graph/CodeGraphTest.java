package dev.lockkit.analyzer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.finding.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeGraphTest {

  @Test
  void edgesKeepEveryReferenceAndAggregateByLevel() {
    CodeGraph.Builder b = new CodeGraph.Builder(List.of("m1", "m2"));
    int f1 = b.addFile("A.java");
    int f2 = b.addFile("B.java");
    int a = b.addType("p.A", "p", 0);
    int a2 = b.addType("p.A2", "p", 0);
    int c = b.addType("q.C", "q", 1);
    b.addReference(a, c, f1, 1, 5);
    b.addReference(a, c, f1, 7, 2);
    b.addReference(a2, c, f2, 3, 1);
    b.addReference(a, a2, f1, 9, 9); // same package: a type edge only
    b.addReference(a, a, f1, 10, 1); // self: dropped
    CodeGraph g = b.build();

    EdgeTable types = g.edges(Level.TYPE);
    assertEquals(3, types.edgeCount());
    int ac = types.edge(types.node("p.A"), types.node("q.C"));
    assertEquals(2, types.refCount(ac));
    assertEquals(new Location("A.java", 1, 5), types.location(ac, 0));
    assertEquals(new Location("A.java", 7, 2), types.location(ac, 1));

    EdgeTable packages = g.edges(Level.PACKAGE);
    assertEquals(1, packages.edgeCount());
    assertEquals(3, packages.refCount(0));
    assertEquals("p", packages.nodeName(packages.from(0)));
    assertEquals(new Location("A.java", 1, 5), packages.location(0, 0));
    assertEquals(new Location("B.java", 3, 1), packages.location(0, 2));

    EdgeTable modules = g.edges(Level.MODULE);
    assertEquals(1, modules.edgeCount());
    assertEquals("m1", modules.nodeName(modules.from(0)));
    assertEquals("m2", modules.nodeName(modules.to(0)));
    assertEquals(-1, modules.edge(1, 0));
  }

  @Test
  void nodesAreNumberedInNameOrderWhateverTheInsertionOrder() {
    CodeGraph.Builder b = new CodeGraph.Builder(List.of("m"));
    int f = b.addFile("F.java");
    int z = b.addType("z.Z", "z", 0);
    int a = b.addType("a.A", "a", 0);
    b.addReference(z, a, f, 1, 1);
    CodeGraph g = b.build();
    assertEquals("a.A", g.typeName(0));
    assertEquals("z.Z", g.typeName(1));
    EdgeTable t = g.edges(Level.TYPE);
    assertEquals(1, t.from(0));
    assertEquals(0, t.to(0));
  }
}
