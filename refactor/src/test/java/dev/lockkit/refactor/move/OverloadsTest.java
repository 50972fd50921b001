package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overloads split by a plan: javac decides which overload each call means; a call javac itself
 * finds ambiguous stays a conflict.
 */
class OverloadsTest {

  @TempDir Path tmp;

  @Test
  void aMovedOverloadCallingOneThatStaysQualifiesTheCall() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n  public static int f(int x, int y) { return f(x) + f(y); }\n  public static int g() { return f(1, 2); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(int, int) to a.U\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n  public static int g() { return U.f(1, 2); }\n}\n",
        Files.readString(src.resolve("a/T.java")));
    assertEquals(
        "package a;\n\npublic final class U {\n\n  private U() {}\n\n  public static int f(int x, int y) { return T.f(x) + T.f(y); }\n}\n",
        Files.readString(src.resolve("a/U.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aPrivateOverloadThatStaysIsAnAccessConflictEvenIfTheMovedOneIsPublic() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  private static int f(String x) { return x.length(); }\n\n"
            + "  public static int f(String x, String y) { return f(x) + f(y); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(String,String) to b.U\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    assertEquals(1, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.out()
            .contains(
                "b/U.java:9: error move/access: after the move javac reports: f(java.lang.String) has"
                    + " private access in a.T"),
        r.out());
  }

  private static final String NAMES =
      "package a;\n\npublic final class Names {\n"
          + "  public interface Named { String name(); }\n\n"
          + "  public static String nameOf(Class<?> c) { return c.getName(); }\n\n"
          + "  public static String nameOf(Named n) { return n.name(); }\n}\n";

  @Test
  void aSameArityOverloadWhoseParameterTheArgumentCannotBeIsNotAClash() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "a/Names.java", NAMES);
    write(
        src,
        "b/User.java",
        "package b;\n\nimport a.Names;\n\npublic class User {\n"
            + "  String f(Class<?> type, Object o) {\n"
            + "    var c = type;\n"
            + "    return Names.nameOf(type) + Names.nameOf(o.getClass()) + Names.nameOf(String.class)\n"
            + "        + Names.nameOf(c) + Names.nameOf(this.getClass());\n"
            + "  }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.Names#nameOf(Class) to a.ClassNames\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    // A parameter, a JDK method's result, a class literal, getClass() and a var of type Class<?>:
    // javac binds every call to nameOf(Class), so all five follow the move.
    assertEquals(0, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(
        Files.readString(src.resolve("b/User.java"))
            .contains(
                "return ClassNames.nameOf(type) + ClassNames.nameOf(o.getClass()) + ClassNames.nameOf(String.class)\n"
                    + "        + ClassNames.nameOf(c) + ClassNames.nameOf(this.getClass());"),
        Files.readString(src.resolve("b/User.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void whenEveryCallIsProvedTheMoveAppliesAndCompiles() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "a/Names.java", NAMES);
    write(
        src,
        "b/User.java",
        "package b;\n\nimport a.Names;\n\npublic class User {\n"
            + "  static class Item implements Names.Named {\n"
            + "    public String name() { return \"item\"; }\n  }\n\n"
            + "  String f(Class<?> type, Item item) {\n"
            + "    return Names.nameOf(type) + Names.nameOf(item);\n"
            + "  }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.Names#nameOf(Class) to a.ClassNames\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    assertEquals(0, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(
        Files.readString(src.resolve("b/User.java"))
            .contains("return ClassNames.nameOf(type) + Names.nameOf(item);"),
        Files.readString(src.resolve("b/User.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void anArgumentThatMayBeEitherParameterTypeStaysAClash() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n"
            + "  public static int f(CharSequence s) { return 1; }\n"
            + "  public static int f(Comparable<?> c) { return 2; }\n}\n");
    write(
        src,
        "b/User.java",
        "package b;\n\nimport a.T;\n\npublic class User {\n"
            + "  int g(StringBuilder sb) { return T.f(sb); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(CharSequence) to a.U\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    // StringBuilder is both a CharSequence and (since JDK 11) a Comparable: javac itself finds the
    // call ambiguous, so it is reported with javac's reason, not guessed.
    assertEquals(1, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("move/unresolved"), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("ambiguous"), r.out());
  }
}
