package dev.lockkit.refactor.move.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text scan that tells which types a file that is not parsed may declare: a superset, never
 * missing a declaration written without Unicode escapes.
 */
class DeferredScanTest {

  @Test
  void everyPackageLineCountsAndOnlyThose() {
    assertEquals(
        Set.of("a.b", "c.d", "x"),
        JavaProject.packageLines(
            "/* header\npackage x;\n*/\n  package a . b ;\npackage\tc.d;\n"
                + "class P { String s = \"* package no;\"; int package_ = 1; }\n"
                + "// see package e.f;\n"));
    assertEquals(Set.of(), JavaProject.packageLines("class NoPackage {}\n"));
  }

  @Test
  void aLoneCarriageReturnEndsALine() {
    assertEquals(Set.of("a.b"), JavaProject.packageLines("/* lic */\rpackage a.b;\rclass A {}\r"));
  }

  @Test
  void everyNameAfterATypeKeywordCounts() {
    assertEquals(
        Set.of("A", "B", "C", "R", "$D", "Ünï", "Foo"),
        JavaProject.declaredNames(
            "public final class A<T> {\n  interface B {}\n  enum C { X }\n  record R(int a) {}\n"
                + "  @interface $D {}\n  class\n    Ünï {}\n  Class<?> k = A.class; String s = \"class Foo\";\n"
                + "  int subclass = 1; void myrecord() {}\n}\n"));
  }
}
