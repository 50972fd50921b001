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
 * References are resolved by javac (issue 19): overloads, method references and qualifiers of any
 * type are decided as the compiler decides them, and every result here compiles.
 */
class CompilerResolutionTest {

  @TempDir Path tmp;

  private MoveTestSupport.Run run(Path src, String plan, String... extra) throws Exception {
    Files.writeString(tmp.resolve("p"), plan);
    String[] args = new String[extra.length + 3];
    args[0] = "--plan";
    args[1] = tmp.resolve("p").toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = src.toString();
    return move(args);
  }

  private void compiles(Path src) throws Exception {
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aMethodReferenceWhoseTargetTypeSelectsTheMovedOverloadFollowsIt() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "m/Vma.java", "package m;\n\npublic final class Vma {}\n");
    write(
        src,
        "m/Memory.java",
        "package m;\n\npublic final class Memory {\n"
            + "  public static void vmaEndRead(Vma v) {}\n\n"
            + "  public static void vmaEndRead(Vma v, boolean b) {}\n}\n");
    write(
        src,
        "u/User.java",
        "package u;\n\nimport java.util.function.BiConsumer;\nimport java.util.function.Consumer;\n"
            + "import m.Memory;\nimport m.Vma;\n\npublic class User {\n"
            + "  Consumer<Vma> end = Memory::vmaEndRead;\n"
            + "  BiConsumer<Vma, Boolean> end2 = Memory::vmaEndRead;\n}\n");
    MoveTestSupport.Run r = run(src, "move m.Memory#vmaEndRead(m.Vma) to l.VmaLock\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String user = Files.readString(src.resolve("u/User.java"));
    assertTrue(user.contains("Consumer<Vma> end = VmaLock::vmaEndRead;"), user);
    assertTrue(user.contains("BiConsumer<Vma, Boolean> end2 = Memory::vmaEndRead;"), user);
    compiles(src);
  }

  @Test
  void sameArityOverloadsAreToldApartByTheCompilersChoice() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n"
            + "  public static int f(long x) { return 1; }\n\n"
            + "  public static int f(Integer x) { return 2; }\n\n"
            + "  public static int g(char[] a) { return 3; }\n\n"
            + "  public static int g(Character[] a) { return 4; }\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.T;\nimport java.util.List;\n\npublic class U {\n"
            + "  int h(List<Integer> xs) {\n"
            + "    var first = xs.get(0);\n"
            + "    return T.f(3) + T.f(first) + T.f(xs.get(1)) + T.g(new char[0]) + T.g(new Character[0]);\n"
            + "  }\n}\n");
    MoveTestSupport.Run r =
        run(src, "move a.T#f(Integer) to a.V\nmove a.T#g(Character[]) to a.V\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        Files.readString(src.resolve("b/U.java"))
            .contains(
                "return T.f(3) + V.f(first) + V.f(xs.get(1)) + T.g(new char[0]) + V.g(new Character[0]);"),
        Files.readString(src.resolve("b/U.java")));
    compiles(src);
  }

  @Test
  void aStaticFieldReachedThroughAVarOrALibraryCallResultIsFollowedOrRefused() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Conf.java",
        "package a;\n\npublic class Conf {\n  public static int LIMIT = 3;\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.Conf;\nimport java.util.List;\n\npublic class U {\n"
            + "  int h(List<Conf> cs) {\n"
            + "    var c = cs.get(0);\n"
            + "    return c.LIMIT;\n"
            + "  }\n\n"
            + "  int k(List<Conf> cs) {\n"
            + "    return cs.get(0).LIMIT;\n"
            + "  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.Conf#LIMIT to a.Limits\n");
    // The var is read without effect and is replaced; the library call would be dropped: refused.
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/instance-qualifier"), r.out());
    assertTrue(r.out().contains("cs.get(0)"), r.out());
    assertTrue(!r.out().contains("(c)"), r.out());
  }

  @Test
  void aStaticFieldReachedThroughAVarIsRewrittenToTheDestination() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Conf.java",
        "package a;\n\npublic class Conf {\n  public static int LIMIT = 3;\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.Conf;\nimport java.util.List;\n\npublic class U {\n"
            + "  int h(List<Conf> cs) {\n"
            + "    var c = cs.get(0);\n"
            + "    return c.LIMIT;\n"
            + "  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.Conf#LIMIT to a.Limits\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        Files.readString(src.resolve("b/U.java")).contains("return Limits.LIMIT;"),
        Files.readString(src.resolve("b/U.java")));
    compiles(src);
  }

  @Test
  void anInheritedStaticCalledThroughASubclassAndALocalOfTheSameNameAreTold() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Base.java",
        "package a;\n\npublic class Base {\n  public static int twice(int x) { return 2 * x; }\n}\n");
    write(src, "a/Sub.java", "package a;\n\npublic class Sub extends Base {}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.Sub;\n\npublic class U extends Sub {\n"
            + "  int h() {\n"
            + "    java.util.function.IntUnaryOperator twice = x -> x;\n"
            + "    return Sub.twice(1) + twice(2) + twice.applyAsInt(3);\n"
            + "  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.Base#twice to c.Math2\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        Files.readString(src.resolve("b/U.java"))
            .contains("return Math2.twice(1) + Math2.twice(2) + twice.applyAsInt(3);"),
        Files.readString(src.resolve("b/U.java")));
    compiles(src);
  }

  @Test
  void whatJavacCannotResolveWithoutTheClassPathIsReportedNotGuessed() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n"
            + "  public static int f(Object x) { return 1; }\n\n"
            + "  public static int f(String x) { return 2; }\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.T;\nimport org.missing.Lib;\n\npublic class U {\n"
            + "  int h() {\n    return T.f(Lib.make());\n  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#f(String) to a.V\n", "--dry-run");
    // f(Object) or f(String)? With Lib unknown, javac cannot say: a conflict, nothing written.
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "b/U.java:8:12: error move/unresolved: f is spelled like the moved a.T#f(String),"
                    + " but not resolved by javac (javac could not type an argument of the call)"),
        r.out());
  }

  @Test
  void theConstructorJavacChoseMustBeVisibleFromTheDestination() throws Exception {
    Path src = tmp.resolve("src");
    // From jackson-databind (the campaign): a public no-argument constructor does not make the
    // protected one the moved code calls visible from another package.
    write(
        src,
        "a/D.java",
        "package a;\n\npublic class D {\n  public D() {}\n\n  protected D(String s) {}\n\n"
            + "  public static D make(boolean b) {\n    return b ? new D() : new D(\"x\");\n  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.D#make to b.Util\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    // javac's check of the result, at the call's new place (b/Util.java line 10).
    assertTrue(
        r.out().contains("b/Util.java:10: error move/access: after the move javac reports:"),
        r.out());
    assertTrue(r.out().contains("D(java.lang.String) has protected access in a.D"), r.out());
    // Only new D("x"): the public constructor of new D() is visible everywhere.
    assertEquals(1, r.out().split("error move/access", -1).length - 1, r.out());
  }

  @Test
  void aReferenceSpelledWithUnicodeEscapesIsFollowed() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int twice(int x) { return 2 * x; }\n}\n");
    // "twice" written as \u0074wice: javac reads it as twice.
    write(
        src,
        "b/U.java",
        "package b;\n\npublic class U {\n  int h() { return a.T.\\u0074wice(1); }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#twice to c.Twice\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String user = Files.readString(src.resolve("b/U.java"));
    assertTrue(user.contains("Twice.\\u0074wice(1)"), user);
    compiles(src);
  }

  @Test
  void aBlankFinalAssignedInAStaticInitializerCannotMove() throws Exception {
    Path src = tmp.resolve("src");
    // From jackson-databind (the campaign): OptionalHandlerFactory#CLASS_DOM_DOCUMENT.
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static final Class<?> DOC;\n\n"
            + "  static {\n    DOC = String.class;\n  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.T#DOC to b.U\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error move/access: a.T#DOC is a blank final"), r.out());
  }

  @Test
  void aNestedTypeMovedOutKeepsItsJavaLangReflectImports() throws Exception {
    Path src = tmp.resolve("src");
    // From jackson-databind (the campaign): VisibilityChecker.Std used java.lang.reflect.Member.
    write(
        src,
        "a/Outer.java",
        "package a;\n\nimport java.lang.reflect.Member;\n\npublic class Outer {\n"
            + "  public static class Std {\n    public String n(Member m) { return m.getName(); }\n  }\n}\n");
    MoveTestSupport.Run r = run(src, "move a.Outer.Std to b\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        Files.readString(src.resolve("b/Std.java")).contains("import java.lang.reflect.Member;"),
        Files.readString(src.resolve("b/Std.java")));
    compiles(src);
  }
}
