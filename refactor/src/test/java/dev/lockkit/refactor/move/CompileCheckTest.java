package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if attributes the tree as the move leaves it with javac (without {@code --verify}): what
 * would not compile is a conflict, and nothing is written.
 */
class CompileCheckTest {

  @TempDir Path tmp;

  private MoveTestSupport.Run dryRun(Path src, String plan, String... more) throws Exception {
    Files.writeString(tmp.resolve("plan"), plan);
    String[] args = new String[3 + more.length];
    args[0] = "--plan";
    args[1] = tmp.resolve("plan").toString();
    System.arraycopy(more, 0, args, 2, more.length);
    args[args.length - 1] = src.toString();
    return move(args);
  }

  @Test
  void aTypeMovedIntoAHostThatExtendsItIsRefused() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Helper.java",
        "package p;\n\npublic class Helper {\n  public int x() { return 1; }\n}\n");
    write(src, "q/Host.java", "package q;\n\npublic class Host extends p.Helper {}\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = dryRun(src, "move p.Helper to q.Host\n", "--allow", "cycle/type");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/compile"), r.out());
    assertTrue(r.out().contains("class Helper"), r.out());
    assertEquals(before, snapshot(src), "nothing written");
  }

  @Test
  void aStaticMethodMovedIntoATypeWhoseSubclassDeclaresTheSameInstanceMethodIsRefused()
      throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Util.java",
        "package p;\n\npublic final class Util {\n"
            + "  public static int twice(int x) { return 2 * x; }\n}\n");
    write(src, "q/Base.java", "package q;\n\npublic class Base {}\n");
    write(
        src,
        "q/Derived.java",
        "package q;\n\npublic class Derived extends Base {\n"
            + "  public int twice(int x) { return x + x; }\n}\n");
    MoveTestSupport.Run r = dryRun(src, "move p.Util#twice(int) to q.Base\n", "--dry-run");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("q/Derived.java"), r.out());
    assertTrue(r.out().contains("static"), r.out());
  }

  @Test
  void aUseOfAPackagePrivateMemberThatJavacResolvesElsewhereIsNotAConflict() throws Exception {
    // Outer.label() is package-private, and the nested type's label() is public: Outer calls the
    // one of another type, so moving Nested out of Outer keeps every access legal.
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Outer.java",
        "package p;\n\npublic class Outer {\n"
            + "  static String label() { return \"o\"; }\n"
            + "  String use(Other o) { return o.label() + label(); }\n"
            + "  public static class Nested {\n"
            + "    String label() { return \"n\"; }\n"
            + "  }\n}\n");
    write(
        src,
        "p/Other.java",
        "package p;\n\npublic class Other {\n  public String label() { return \"x\"; }\n}\n");
    MoveTestSupport.Run r = dryRun(src, "move p.Outer.Nested to p\n", "--dry-run");
    assertEquals(0, r.exit(), r.out() + r.err());
  }

  @Test
  void aTypeMoveThatLosesAccessToAPackagePrivateMemberIsAnAccessConflict() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "p/Base.java", "package p;\n\npublic class Base {\n  static int hex = 16;\n}\n");
    write(
        src,
        "p/Mid.java",
        "package p;\n\npublic class Mid extends Base {\n  int h() { return hex; }\n}\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = dryRun(src, "move p.Mid to q\n", "--allow", "cycle/package");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/access"), r.out());
    assertTrue(r.out().contains("hex"), r.out());
    assertEquals(before, snapshot(src), "nothing written");
  }

  @Test
  void aQualifiedLibraryTypeInTheMovedTextIsImportedAtTheDestination() throws Exception {
    // The campaign's MapperConfig#EMPTY_INCLUDE: a field typed JsonInclude.Value, a nested type of
    // a library class that only the class path declares.
    Path lib = tmp.resolve("lib");
    write(
        lib,
        "l/Incl.java",
        "package l;\n\npublic @interface Incl {\n"
            + "  final class Value {\n    public static final Value EMPTY = new Value();\n  }\n}\n");
    Path libClasses = Files.createDirectories(tmp.resolve("libclasses"));
    assertEquals("", MoveTestSupport.compile(lib, libClasses));
    Path src = tmp.resolve("src");
    write(
        src,
        "p/Config.java",
        "package p;\n\nimport l.Incl;\n\npublic final class Config {\n"
            + "  public static final Incl.Value EMPTY_INCLUDE = Incl.Value.EMPTY;\n}\n");
    write(
        src,
        "p/User.java",
        "package p;\n\nclass User {\n  Object v() { return Config.EMPTY_INCLUDE; }\n}\n");
    MoveTestSupport.Run r =
        dryRun(
            src,
            "move p.Config#EMPTY_INCLUDE to q.Includes\n",
            "--classpath",
            libClasses.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String dest = Files.readString(src.resolve("q/Includes.java"));
    assertTrue(dest.contains("import l.Incl;"), dest);
    Path out = Files.createDirectories(tmp.resolve("out"));
    assertEquals(
        "",
        MoveTestSupport.compile(List.of(src), out, List.of(libClasses)),
        MoveTestSupport.snapshot(src).toString());
  }
}
