package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference to a moved member is qualified by its new type; where a variable of that type's
 * simple name is in scope, Java would read the qualifier as the variable (obscuring), so the type's
 * full name is written there.
 */
class ObscuredQualifierTest {

  @TempDir Path tmp;

  private MoveTestSupport.Run run(Path src, String plan) throws Exception {
    Files.writeString(tmp.resolve("p"), plan);
    return move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
  }

  @Test
  void anEnumConstantNamedLikeTheNewTypeGetsTheTypesFullName() throws Exception {
    // jsoup's TokeniserState has a constant Comment; DocumentType#SYSTEM_KEY moved into
    // nodes.Comment was written Comment.SYSTEM_KEY there and did not compile.
    Path src = tmp.resolve("src");
    write(src, "n/Comment.java", "package n;\n\npublic class Comment {}\n");
    write(
        src,
        "n/Doc.java",
        "package n;\n\npublic class Doc {\n  public static final String KEY = \"SYSTEM\";\n}\n");
    write(
        src,
        "q/State.java",
        "package q;\n\nimport n.Doc;\n\nenum State {\n  Data {\n    String read() { return"
            + " Doc.KEY; }\n  },\n  Comment {\n    String read() { return \"c\"; }\n  };\n\n"
            + "  abstract String read();\n\n  static String key() { return Doc.KEY; }\n}\n");
    MoveTestSupport.Run r = run(src, "move n.Doc#KEY to n.Comment\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String state = Files.readString(src.resolve("q/State.java"));
    assertTrue(state.contains("return n.Comment.KEY; }\n  },"), state);
    assertTrue(state.contains("static String key() { return n.Comment.KEY; }"), state);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aLocalOrInheritedFieldNamedLikeTheNewTypeGetsTheTypesFullName() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "n/Box.java", "package n;\n\npublic class Box {}\n");
    write(
        src,
        "n/Util.java",
        "package n;\n\npublic class Util {\n  public static int twice(int x) { return 2 * x; }\n}\n");
    write(src, "q/Base.java", "package q;\n\nclass Base {\n  protected Object Box = null;\n}\n");
    write(
        src,
        "q/User.java",
        "package q;\n\nimport n.Util;\n\nclass User extends Base {\n"
            + "  int a() { return Util.twice(1); }\n\n"
            + "  static int b(String Box) { return Util.twice(Box.length()); }\n}\n");
    write(
        src,
        "q/Plain.java",
        "package q;\n\nimport n.Util;\n\nclass Plain {\n  int c() { return Util.twice(3); }\n}\n");
    MoveTestSupport.Run r = run(src, "move n.Util#twice(int) to n.Box\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String user = Files.readString(src.resolve("q/User.java"));
    assertTrue(user.contains("return n.Box.twice(1);"), user);
    assertTrue(user.contains("return n.Box.twice(Box.length());"), user);
    // Where nothing obscures it, the simple name with an import, as before.
    String plain = Files.readString(src.resolve("q/Plain.java"));
    assertTrue(plain.contains("return Box.twice(3);"), plain);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }
}
