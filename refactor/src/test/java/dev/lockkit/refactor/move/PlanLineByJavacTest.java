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
 * A plan line's parameter list is compared with the parameter types javac gives the overloads, not
 * with their text: two types of the same simple name, nested types at any depth, generics and type
 * variables are told apart or matched as javac types them.
 */
class PlanLineByJavacTest {

  @TempDir Path tmp;

  private MoveTestSupport.Run run(Path src, String plan) throws Exception {
    Files.writeString(tmp.resolve("p"), plan);
    return move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
  }

  @Test
  void twoParameterTypesOfTheSameSimpleNameAreToldApartByTheirPackage() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "x/List.java", "package x;\n\npublic class List {}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\nimport java.util.List;\n\npublic final class T {\n"
            + "  public static int f(List<String> l) { return l.size(); }\n\n"
            + "  public static int f(x.List l) { return 0; }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#f(x.List) to a.U\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String u = Files.readString(src.resolve("a/U.java"));
    assertTrue(u.contains("public static int f(x.List l) { return 0; }"), u);
    assertFalse(u.contains("size()"), u);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));

    // The generic one by its erasure, with or without the package.
    MoveTestSupport.Run again = run(src, "move a.T#f(java.util.List) to a.V\n");
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(Files.readString(src.resolve("a/V.java")).contains("l.size()"));
  }

  @Test
  void aNestedParameterTypeIsNamedByAnyQualifiedSuffixOfItsCanonicalName() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Outer.java",
        "package a;\n\npublic final class Outer {\n  public static final class Mid {\n"
            + "    public static final class Inner {}\n  }\n}\n");
    write(
        src,
        "a/Other.java",
        "package a;\n\npublic final class Other {\n  public static final class Inner {}\n}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\nimport a.Outer.Mid.Inner;\n\npublic final class T {\n"
            + "  public static int g(Inner[] i) { return 1; }\n\n"
            + "  public static int g(Other.Inner[] i) { return 2; }\n\n"
            + "  public static <E extends Comparable<E>> int h(E... e) { return e.length; }\n}\n");
    // Written "Inner[]" in the file, named "Mid.Inner[]" in the plan: the same type to javac.
    MoveTestSupport.Run r = run(src, "move a.T#g(Mid.Inner[]) to a.U\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("a/U.java")).contains("return 1;"));
    // A type variable by its name or by its erasure (the bound's).
    MoveTestSupport.Run byErasure = run(src, "move a.T#h(Comparable[]) to a.V\n");
    assertEquals(0, byErasure.exit(), byErasure.out() + byErasure.err());
    assertTrue(Files.readString(src.resolve("a/V.java")).contains("e.length"));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aParameterListNoOverloadHasNamesTheCandidates() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n\n"
            + "  public static int f(long x) { return 0; }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#f(java.lang.Integer) to a.U\n");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("no overload of a.T#f(java.lang.Integer)"), r.err());
    assertTrue(r.err().contains("a.T#f(int), a.T#f(long)"), r.err());
  }

  @Test
  void aParameterTypeWithATypeUseAnnotationIsNamedWithoutIt() throws Exception {
    // javac prints such a type as "java.lang.@a.Nullable String" (jsoup's jspecify style): the
    // annotation is no part of the type the plan line names.
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Nullable.java",
        "package a;\n\nimport java.lang.annotation.ElementType;\nimport java.lang.annotation.Target;\n\n"
            + "@Target(ElementType.TYPE_USE)\npublic @interface Nullable {\n  String value() default \"\";\n}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n"
            + "  public static int f(java.io.File f, @Nullable String s) { return 1; }\n\n"
            + "  public static int f(java.io.File f, String @Nullable(\"x\") [] s) { return 2; }\n\n"
            + "  public static int f(String s, String t) { return 3; }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#f(File, String) to a.U\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("a/U.java")).contains("return 1;"));
    MoveTestSupport.Run array = run(src, "move a.T#f(File, String[]) to a.V\n");
    assertEquals(0, array.exit(), array.out() + array.err());
    assertTrue(Files.readString(src.resolve("a/V.java")).contains("return 2;"));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }
}
