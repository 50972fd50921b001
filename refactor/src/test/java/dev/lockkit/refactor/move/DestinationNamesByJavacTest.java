package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a simple type name would mean where a move writes it (the destination, a file whose
 * reference follows the move) is javac's answer: the member types of the classes around the place
 * as javac's elements have them (inherited from a library supertype too), and the file's top level
 * from a probe javac attributes ({@code rewrite.FileProbe}); lockkit's own lookup is gone.
 */
class DestinationNamesByJavacTest {

  @TempDir Path tmp;

  /**
   * Inside {@code b.U extends AbstractMap}, {@code SimpleEntry} means the member type {@code U}
   * inherits from the JDK, which shadows any import: the moved code's {@code a.SimpleEntry} must be
   * written in full. The old lookup saw only project supertypes, imported {@code a.SimpleEntry},
   * and the result did not compile (refused as {@code move/compile}).
   */
  @Test
  void aTypeNameShadowedByAMemberTypeTheDestinationInheritsFromALibraryIsWrittenInFull()
      throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/SimpleEntry.java",
        "package a;\n\npublic final class SimpleEntry {\n"
            + "  public static int one() {\n    return 1;\n  }\n}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n"
            + "  public static int f() {\n    return SimpleEntry.one();\n  }\n}\n");
    write(
        src,
        "b/U.java",
        """
        package b;

        public class U extends java.util.AbstractMap<String, String> {
          @Override
          public java.util.Set<Entry<String, String>> entrySet() {
            return java.util.Set.of();
          }
        }
        """);
    Path plan = tmp.resolve("p");
    Files.writeString(plan, "move a.T#f() to b.U\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String u = Files.readString(src.resolve("b/U.java"));
    assertTrue(u.contains("return a.SimpleEntry.one();"), u);
    assertFalse(u.contains("import a.SimpleEntry;"), u);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  /**
   * Inside {@code b.U implements I1, I2}, where both interfaces declare a member type {@code Node},
   * the simple name {@code Node} is ambiguous: the moved code's {@code b.I1.Node} must be written
   * in full. Taking the first member type found (the code before) wrote {@code Node}, which javac
   * rejects, and the move was refused.
   */
  @Test
  void aMemberTypeNameTwoSupertypesSupplyIsAmbiguousAndWrittenInFull() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "b/I1.java", "package b;\n\npublic interface I1 {\n  final class Node {}\n}\n");
    write(src, "b/I2.java", "package b;\n\npublic interface I2 {\n  final class Node {}\n}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\nimport b.I1.Node;\n\npublic final class T {\n"
            + "  public static Node f() {\n    return new Node();\n  }\n}\n");
    write(src, "b/U.java", "package b;\n\npublic class U implements I1, I2 {}\n");
    Path plan = tmp.resolve("p");
    Files.writeString(plan, "move a.T#f() to b.U\n");
    MoveTestSupport.Run run = move("--plan", plan.toString(), src.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String u = Files.readString(src.resolve("b/U.java"));
    assertTrue(u.contains("b.I1.Node f()") || u.contains("I1.Node f()"), u);
    assertEquals("", compile(src, tmp.resolve("out")));
  }
}
