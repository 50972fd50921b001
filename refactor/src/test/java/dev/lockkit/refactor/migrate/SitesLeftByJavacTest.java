package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.migrate.report.RuleReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites left as javac sees them: a use the rule did not rewrite is listed, or reported unresolved
 * when javac cannot say, and never dropped because javac's answer has an unusual shape.
 */
class SitesLeftByJavacTest {

  @TempDir Path root;

  private static final String KEYS_RULE =
      """
      import p.Keys;
      class T {
        class NewHash {
          @BeforeTemplate int before(String s) { return Keys.oldHash(s); }
          @AfterTemplate int after(String s) { return s.hashCode(); }
        }
      }
      """;

  @Test
  void anAnonymousSubclassCreationIsASiteLeftOfTheConstructorItCalls() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Box;
            class T {
              class NewBox {
                @BeforeTemplate Box before(String s) { return new Box(s); }
                @AfterTemplate Box after(String s) { return Box.of(s); }
              }
            }
            """,
            "src/p/Box.java",
            """
            package p;
            public class Box {
              public Box(String s) {}
              public static Box of(String s) { return new Box(s); }
            }
            """,
            "src/p/A.java",
            """
            package p;
            class A {
              Box f(String s) {
                return new Box(s) {
                  @Override public String toString() { return s; }
                };
              }
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    // Box.of's own 'new Box(s)' is left too: rewritten, Box.of would call itself (SelfCallTest).
    assertEquals(
        List.of("src/p/A.java:4", "src/p/Box.java:4"),
        r.left().stream().map(s -> s.path() + ":" + s.line()).toList(),
        r.toString());
  }

  @Test
  void anArraysLengthIsNoOldApiSoOtherLengthReadsAreNotSitesLeft() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.Arrays;
            class T {
              static final class CopyOf<E> {
                @BeforeTemplate E[] before(E[] array) { return Arrays.copyOf(array, array.length); }
                @AfterTemplate E[] after(E[] array) { return array.clone(); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import java.util.Arrays;
            class A {
              <X> X[] dup(X[] xs) { return Arrays.copyOf(xs, xs.length); }
              int n(String[] xs) { return xs.length; }
              String[] head(String[] xs) { return Arrays.copyOf(xs, 1); }
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(1, r.rewritten().size(), r.toString());
    // Only the copyOf call no template matched is left; 'xs.length' on line 5 is not the old API.
    assertEquals(
        List.of("src/p/A.java:6"),
        r.left().stream().map(s -> s.path() + ":" + s.line()).toList(),
        r.toString());
  }

  @Test
  void anErrorOfTheCodeItselfDoesNotAskForTheClassPath() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class NewInteger {
                @BeforeTemplate Integer before(int x) { return new Integer(x); }
                @AfterTemplate Integer after(int x) { return Integer.valueOf(x); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {\n  Object f(int i) { return new Integer(i) { }; }\n}\n"));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(1, r.left().size(), r.toString());
    String reason = r.left().get(0).reason();
    assertTrue(reason.contains("cannot inherit from final"), reason);
    assertFalse(reason.contains("--classpath"), reason);
  }

  @Test
  void aCallThroughAFieldOfAMissingTypeIsReportedUnresolvedNotSkipped() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            KEYS_RULE,
            "src/p/Keys.java",
            """
            package p;
            public class Keys {
              public static int oldHash(String s) { return 0; }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import q.Missing;
            class A {
              static Missing KEYS;
              int f(String s) {
                return KEYS.oldHash(s);
              }
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(1, r.left().size(), r.toString());
    assertTrue(r.left().get(0).unresolved(), r.toString());
    assertEquals(6, r.left().get(0).line(), r.toString());
  }

  @Test
  void anAfterStatementThatThrowsACheckedExceptionIsNotRefused() throws Exception {
    // Whether a checked exception is caught or declared depends on the code the statement is
    // written into, not on the template: javac's "unreported exception" in the template file is
    // no reason to refuse the rule.
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.nio.file.Files;
            import java.nio.file.Path;
            class T {
              class WriteString {
                @BeforeTemplate void before(Path p, String s) { Files.write(p, s.getBytes()); }
                @AfterTemplate void after(Path p, String s) { Files.writeString(p, s); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            class A {
              void f(Path p, String s) throws IOException {
                Files.write(p, s.getBytes());
              }
            }
            """));
    TestTrees.runAndWrite(root);
    assertTrue(
        TestTrees.text(root, "src/p/A.java").contains("    Files.writeString(p, s);\n"),
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void anIllTypedAfterStatementIsRefusedWithJavacsMessage() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.List;
            class T {
              class AddAll {
                @BeforeTemplate void before(List<String> l, String s) { l.add(s); }
                @AfterTemplate void after(List<String> l, String s) { l.add(1); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n"));
    MigrationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MigrationException.class, () -> TestTrees.run(root));
    assertTrue(
        e.getMessage().contains("does not compile: no suitable method found for add(int)"),
        e.getMessage());
  }

  @Test
  void anAfterExpressionNamingAMissingLibraryAsksForTheClassPath() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class Hash {
                @BeforeTemplate int before(String s) { return s.hashCode(); }
                @AfterTemplate int after(String s) { return q.Missing.hash(s); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n"));
    MigrationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MigrationException.class, () -> TestTrees.run(root));
    assertTrue(e.getMessage().contains("--classpath"), e.getMessage());
  }
}
