package dev.lockkit.analyzer.source;

import static dev.lockkit.analyzer.testing.Projects.targets;
import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.testing.Projects;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test pins one way a Java source names another type of the project. */
class ResolutionTest {

  @TempDir static Path dir;
  static CodeGraph graph;

  @BeforeAll
  static void build() throws Exception {
    write(
        dir,
        "a/Target.java",
        "package a; public class Target { public static int N; public static void m() {}"
            + " public static class Nested { public static class Deep {} } }",
        "a/Other.java",
        "package a; public class Other {}",
        "a/Anno.java",
        "package a; public @interface Anno {}",
        "a/Base.java",
        "package a; public class Base { public static class Member {} protected void helper() {} }",
        "a/Exc.java",
        "package a; public class Exc extends Exception {}",
        "b/SingleImport.java",
        "package b; import a.Target; class SingleImport { Target t; }",
        "b/OnDemand.java",
        "package b; import a.*; class OnDemand { Other o; }",
        "b/StaticField.java",
        "package b; import static a.Target.N; class StaticField { int x = N; }",
        "b/StaticMethod.java",
        "package b; import static a.Target.*; class StaticMethod { void f() { m(); } }",
        "b/SamePackage.java",
        "package b; class SamePackage { Local l; }",
        "b/Local.java",
        "package b; class Local {}",
        "b/NestedQualified.java",
        "package b; import a.Target; class NestedQualified { Target.Nested.Deep d; }",
        "b/Inherited.java",
        "package b; class Inherited extends a.Base { Member m; }",
        "b/JavaLang.java",
        "package b; class JavaLang { String s; Object o; }",
        "b/Fqn.java",
        "package b; class Fqn { a.Other o; }",
        "b/Annotated.java",
        "package b; @a.Anno class Annotated {}",
        "b/Generic.java",
        "package b; import java.util.List; import a.*; class Generic { List<Other> l; }",
        "b/Throws.java",
        "package b; class Throws { void f() throws a.Exc {} }",
        "b/Cast.java",
        "package b; import a.*; class Cast { Object f(Object x) { return (Other) x; } }",
        "b/InstanceOf.java",
        "package b; import a.*; class InstanceOf { boolean f(Object x) { return x instanceof Other o; } }",
        "b/ClassLiteral.java",
        "package b; import a.*; class ClassLiteral { Object c = Other.class; }",
        "b/MethodRef.java",
        "package b; import a.*; class MethodRef { Runnable r = Target::m; }",
        "b/StaticAccess.java",
        "package b; import a.*; class StaticAccess { int f() { return Target.N; } }",
        "b/FqnStaticCall.java",
        "package b; class FqnStaticCall { void f() { a.Target.m(); } }",
        "b/TypeParam.java",
        "package b; class TypeParam<Other> { Other o; <Local> void f(Local l) {} }",
        "b/Variable.java",
        "package b; import a.*; class Variable { Object Target = null; void f() { Target.hashCode(); } }",
        "b/ExternalImport.java",
        "package b; import java.util.Local; class ExternalImport { Local l; }",
        "b/OwnMethod.java",
        "package b; import static a.Target.*; class OwnMethod { void m() {} void f() { m(); } }",
        "b/LateVariable.java",
        "package b; import a.*; class LateVariable { void f() { Target.hashCode(); } Object Target; }",
        "b/VarAndYield.java",
        "package b; import a.*; import java.util.function.BinaryOperator;\n"
            + "class VarAndYield { int f(int k) { var o = new Other();"
            + " BinaryOperator<Object> g = (var x, var y) -> x;"
            + " return switch (k) { default -> { yield Target.N; } }; } }",
        "b/Modern.java",
        "package b; import a.*;\n"
            + "sealed interface Shape permits Modern.Sq {}\n"
            + "class Modern { record Sq(Other side) implements Shape {}\n"
            + "  String f(int o) { return switch (o) { case 1 -> \"\"\"\n   text\n   \"\"\" + Target.N;"
            + " default -> \"\"; }; } }");
    graph = Projects.graph(dir, dir);
  }

  private static void assertTargets(String from, String... expected) {
    assertEquals(Set.of(expected), targets(graph, from), from);
  }

  @Test
  void singleTypeImport() {
    assertTargets("b.SingleImport", "a.Target");
  }

  @Test
  void onDemandImport() {
    assertTargets("b.OnDemand", "a.Other");
  }

  @Test
  void staticSingleImportOfAField() {
    assertTargets("b.StaticField", "a.Target");
  }

  @Test
  void staticOnDemandImportOfAMethod() {
    assertTargets("b.StaticMethod", "a.Target");
  }

  @Test
  void samePackageWithoutImport() {
    assertTargets("b.SamePackage", "b.Local");
  }

  @Test
  void qualifiedNestedTypeFoldsIntoItsTopLevelType() {
    assertTargets("b.NestedQualified", "a.Target");
  }

  @Test
  void inheritedMemberTypeResolvesThroughTheSuperclass() {
    assertTargets("b.Inherited", "a.Base");
  }

  @Test
  void javaLangIsNotAnEdge() {
    assertTargets("b.JavaLang");
  }

  @Test
  void fullyQualifiedName() {
    assertTargets("b.Fqn", "a.Other");
  }

  @Test
  void annotation() {
    assertTargets("b.Annotated", "a.Anno");
  }

  @Test
  void typeArgument() {
    assertTargets("b.Generic", "a.Other");
  }

  @Test
  void throwsClause() {
    assertTargets("b.Throws", "a.Exc");
  }

  @Test
  void cast() {
    assertTargets("b.Cast", "a.Other");
  }

  @Test
  void instanceofPattern() {
    assertTargets("b.InstanceOf", "a.Other");
  }

  @Test
  void classLiteral() {
    assertTargets("b.ClassLiteral", "a.Other");
  }

  @Test
  void methodReference() {
    assertTargets("b.MethodRef", "a.Target");
  }

  @Test
  void staticFieldAccess() {
    assertTargets("b.StaticAccess", "a.Target");
  }

  @Test
  void fullyQualifiedStaticCall() {
    assertTargets("b.FqnStaticCall", "a.Target");
  }

  @Test
  void typeParametersShadowTypes() {
    assertTargets("b.TypeParam");
  }

  @Test
  void variablesShadowTypesInExpressions() {
    assertTargets("b.Variable");
  }

  @Test
  void importOfAnExternalTypeIsNotCapturedByTheSamePackage() {
    assertTargets("b.ExternalImport");
  }

  @Test
  void ownMethodWinsOverStaticImport() {
    assertTargets("b.OwnMethod");
  }

  @Test
  void aVariableDeclaredAfterItsUseStillShadowsTheType() {
    assertTargets("b.LateVariable");
  }

  @Test
  void varIsNotATypeAndYieldIsAStatement() {
    assertTargets("b.VarAndYield", "a.Other", "a.Target");
  }

  @Test
  void java17SyntaxRecordsSealedSwitchPatternsTextBlocks() {
    assertTargets("b.Modern", "a.Other", "a.Target", "b.Shape");
    assertTargets("b.Shape", "b.Modern");
  }
}
