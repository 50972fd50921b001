package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which scope an unqualified field or method name in moved text came through (an enclosing type,
 * one of its supertypes — a library's too —, an anonymous class, a static import) is javac's
 * binding in the old file, not lockkit's own lookup; a name javac could not resolve is reported.
 */
class MemberScopeByJavacTest {

  @TempDir Path tmp;

  /**
   * {@code size()} inside an anonymous {@code ArrayList} is the list's own (inherited) method, not
   * the origin's static {@code size()} that stays: qualifying it as {@code T.size()} would compile
   * and silently change what the code does. The old lookup skipped the anonymous class (its
   * supertype is a library type) and found {@code T.size()}.
   */
  @Test
  void aMemberAnAnonymousClassInheritsFromALibraryTypeIsNotQualifiedByTheOrigin() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        """
        package a;

        public final class T {
          public static int size() {
            return 42;
          }

          public static String f() {
            java.util.ArrayList<String> l =
                new java.util.ArrayList<String>() {
                  @Override
                  public String toString() {
                    return "n=" + size();
                  }
                };
            return l.toString() + size();
          }
        }
        """);
    Path plan = tmp.resolve("p");
    Files.writeString(plan, "move a.T#f() to b.U\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String moved = Files.readString(src.resolve("b/U.java"));
    assertTrue(moved.contains("return \"n=\" + size();"), moved);
    assertTrue(moved.contains("return l.toString() + T.size();"), moved);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  /**
   * A nested type that used a static field its enclosing type inherits from a library class ({@code
   * Thread.MAX_PRIORITY} through {@code Outer extends Thread}) gets the enclosing type as qualifier
   * when it leaves; the old lookup saw only project supertypes, left the name bare, and the move
   * was refused as not compiling.
   */
  @Test
  void aStaticMemberAnEnclosingTypeInheritsFromALibraryIsQualifiedWhenANestedTypeLeaves()
      throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Outer.java",
        """
        package p;

        public class Outer extends Thread {
          public static final class Inner {
            public int top() {
              return MAX_PRIORITY;
            }
          }
        }
        """);
    Path plan = tmp.resolve("p.plan");
    Files.writeString(plan, "move p.Outer.Inner to q\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String moved = Files.readString(src.resolve("q/Inner.java"));
    assertTrue(moved.contains("return Outer.MAX_PRIORITY;"), moved);
    assertTrue(moved.contains("import p.Outer;"), moved);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  /** The same for a nested type moving into another type. */
  @Test
  void aStaticMemberAnEnclosingTypeInheritsFromALibraryIsQualifiedWhenANestedTypeMovesIn()
      throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Outer.java",
        """
        package p;

        public class Outer extends Thread {
          public static final class Inner {
            public int top() {
              return MAX_PRIORITY;
            }
          }
        }
        """);
    write(src, "q/Host.java", "package q;\n\npublic class Host {\n}\n");
    Path plan = tmp.resolve("p.plan");
    Files.writeString(plan, "move p.Outer.Inner to q.Host\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String host = Files.readString(src.resolve("q/Host.java"));
    assertTrue(host.contains("return Outer.MAX_PRIORITY;"), host);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  /**
   * A name in the moved code that javac cannot resolve (here a library missing from the class path)
   * is a {@code move/unresolved} conflict naming it and javac's reason; nothing is written. The old
   * lookup took an unknown lower-case name for a package prefix and moved the code.
   */
  @Test
  void aNameInMovedCodeThatJavacCannotResolveIsReportedAndNothingIsWritten() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        """
        package a;

        public final class T {
          public static int f() {
            return lib.Base.one();
          }
        }
        """);
    Path plan = tmp.resolve("p");
    Files.writeString(plan, "move a.T#f() to a.U\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("error move/unresolved: lib in the moved a.T#f()"), run.out());
    assertTrue(run.out().contains("package lib does not exist"), run.out());
    assertEquals(before, snapshot(src));
    assertFalse(Files.exists(src.resolve("a/U.java")));
  }

  /**
   * A {@code case} label that is a constant of the enclosing type ({@code case LIMIT:}) is an
   * ordinary name and gets the enclosing type as qualifier when the nested type leaves; only an
   * enum constant label stays bare. The first version of the javac lookup left every label bare
   * (found by the campaign: {@code CoreXMLDeserializers.Std}'s {@code case TYPE_DURATION:}).
   */
  @Test
  void aConstantCaseLabelIsQualifiedAndAnEnumLabelIsNot() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Outer.java",
        """
        package p;

        public class Outer {
          public static final int LIMIT = 3;

          public enum Color {
            RED,
            BLUE
          }

          public static final class Inner {
            public int pick(int n, Color c) {
              switch (c) {
                case RED:
                  n++;
                  break;
                default:
                  break;
              }
              switch (n) {
                case LIMIT:
                  return 1;
                default:
                  return 0;
              }
            }
          }
        }
        """);
    write(src, "q/Host.java", "package q;\n\npublic class Host {\n}\n");
    Path plan = tmp.resolve("p.plan");
    Files.writeString(plan, "move p.Outer.Inner to q.Host\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String host = Files.readString(src.resolve("q/Host.java"));
    assertTrue(host.contains("case Outer.LIMIT:"), host);
    assertTrue(host.contains("case RED:"), host);
    assertEquals("", compile(src, tmp.resolve("out")));
  }
}
