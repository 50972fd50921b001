package dev.lockkit.analyzer.layers;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A banned method called on an instance: {@code sem.downRead()} is a use of {@code RwSem#downRead}
 * whatever names the receiver, as long as its static type can be told from the source. Each class
 * under {@code app} calls {@code downRead} one way, on line 6 of its file.
 */
class BanInstanceCallTest {

  @TempDir static Path dir;
  static Map<String, Finding> byUser;

  private static String app(String name, String body) {
    return "package app;\n"
        + "import sync.*;\n"
        + "import java.util.concurrent.locks.ReentrantLock;\n"
        + "class "
        + name
        + " {\n"
        + body
        + "\n}\n";
  }

  @BeforeAll
  static void analyse() throws Exception {
    write(
        dir,
        "src/sync/RwSem.java",
        "package sync;\npublic class RwSem { public void downRead() {} public RwSem self() {"
            + " return this; } }\n",
        "src/sync/SubSem.java",
        "package sync;\npublic class SubSem extends RwSem {}\n",
        "src/sync/Holder.java",
        "package sync;\npublic class Holder { public RwSem sem; public RwSem get() { return sem; }"
            + " }\n",
        "src/sync/Allowed.java",
        "package sync;\nclass Allowed { void f(RwSem s) { s.downRead(); } }\n",
        "src/other/Unrelated.java",
        "package other;\npublic class Unrelated { public void downRead() {} }\n",
        "src/app/Local.java",
        app("Local", "  void f() { RwSem s = new RwSem();\n    s.downRead();\n  }"),
        "src/app/Param.java",
        app("Param", "  void f(RwSem s) {\n    s.downRead();\n  }"),
        "src/app/Field.java",
        app("Field", "  RwSem sem; void f() {\n    sem.downRead();\n    this.sem.downRead();\n  }"),
        "src/app/Inherited.java",
        "package app;\n\n\nclass Inherited extends Field {\n  void g() {\n    sem.downRead();\n  }\n}\n",
        "src/app/Chained.java",
        app(
            "Chained",
            "  void f(Holder h) {\n    h.get().downRead();\n    h.sem.downRead();\n"
                + "    new Holder().get().self().downRead();\n  }"),
        "src/app/Cast.java",
        app("Cast", "  void f(Object o) {\n    ((RwSem) o).downRead();\n  }"),
        "src/app/Var.java",
        app("Var", "  void f() { var s = new SubSem();\n    s.downRead();\n  }"),
        "src/app/Pattern.java",
        app("Pattern", "  void f(Object o) { if (o instanceof RwSem s)\n    s.downRead();\n  }"),
        "src/app/Implicit.java",
        "package app;\n\n\nclass Implicit extends sync.SubSem {\n  void f() {\n    downRead();\n"
            + "  }\n}\n",
        "src/app/External.java",
        app(
            "External",
            "  final ReentrantLock lock = new ReentrantLock(); void f() {\n    lock.lock();\n  }"),
        "src/app/Lambda.java",
        app(
            "Lambda",
            "  void f(java.util.List<RwSem> l) {\n\n    l.forEach(s -> s.downRead());\n  }"),
        "src/app/Unrelated.java",
        app("Unrelated", "  void f(other.Unrelated u) {\n\n    u.downRead();\n  }"),
        "src/app/Shadow.java",
        "package app;\n\n\nclass Shadow extends Field {\n  void f(other.Unrelated sem) {\n"
            + "    sem.downRead();\n  }\n}\n",
        "rules.txt",
        "ban sync.RwSem#downRead allow sync.**\n"
            + "ban java.util.concurrent.locks.ReentrantLock#lock\n");
    AnalysisResult r =
        Analyzer.on(dir.resolve("src")).rules(dir.resolve("rules.txt")).displayBase(dir).run();
    byUser = new TreeMap<>();
    for (Finding f : r.findings(BanRule.RULE)) {
      byUser.put(f.key().substring(f.key().indexOf(" <- ") + 4), f);
    }
  }

  private static void assertFlaggedAtLine6(String user) {
    Finding f = byUser.get("app." + user);
    assertEquals("sync.RwSem#downRead <- app." + user, f == null ? null : f.key(), user);
    assertEquals(new Location("src/app/" + user + ".java", 6, 5), f.location(), user);
  }

  @Test
  void localVariable() {
    assertFlaggedAtLine6("Local");
  }

  @Test
  void parameter() {
    assertFlaggedAtLine6("Param");
  }

  @Test
  void fieldByNameAndThroughThis() {
    assertFlaggedAtLine6("Field");
    assertEquals(2, byUser.get("app.Field").related().size());
  }

  @Test
  void fieldInheritedFromAProjectSuperclass() {
    assertFlaggedAtLine6("Inherited");
  }

  @Test
  void returnTypesOfProjectMethodsAndChainedCalls() {
    assertFlaggedAtLine6("Chained");
    assertEquals(
        List.of("src/app/Chained.java:6:5", "src/app/Chained.java:7:5", "src/app/Chained.java:8:5"),
        byUser.get("app.Chained").related().stream().map(Location::toString).toList());
  }

  @Test
  void cast() {
    assertFlaggedAtLine6("Cast");
  }

  @Test
  void varTakesItsInitializersTypeAndSubtypesInheritTheBannedMethod() {
    assertFlaggedAtLine6("Var");
  }

  @Test
  void patternVariable() {
    assertFlaggedAtLine6("Pattern");
  }

  @Test
  void callWithoutReceiverInASubclass() {
    assertFlaggedAtLine6("Implicit");
  }

  @Test
  void fieldOfATypeOutsideTheProject() {
    Finding f = byUser.get("app.External");
    assertEquals("java.util.concurrent.locks.ReentrantLock#lock <- app.External", f.key());
    assertEquals(new Location("src/app/External.java", 6, 5), f.location());
  }

  @Test
  void sameMethodNameOnAnUnrelatedTypeIsNotFlagged() {
    assertEquals(null, byUser.get("app.Unrelated"));
  }

  @Test
  void aParameterShadowsTheInheritedFieldOfTheBannedType() {
    assertEquals(null, byUser.get("app.Shadow"));
  }

  @Test
  void anAllowedPlaceIsNotFlagged() {
    assertEquals(null, byUser.get("sync.Allowed"));
  }

  @Test
  void lambdaParameterWithAnInferredTypeIsLeftUnresolved() {
    assertEquals(null, byUser.get("app.Lambda"));
  }

  @Test
  void nothingElseIsFlagged() {
    assertEquals(
        List.of(
            "app.Cast",
            "app.Chained",
            "app.External",
            "app.Field",
            "app.Implicit",
            "app.Inherited",
            "app.Local",
            "app.Param",
            "app.Pattern",
            "app.Var"),
        byUser.keySet().stream().collect(Collectors.toList()));
  }
}
