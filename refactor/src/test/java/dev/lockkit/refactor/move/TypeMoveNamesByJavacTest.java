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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the names of a moving type mean, by javac. A moving type whose text reaches a library type
 * through an on-demand import ({@code import lib.*;}, jackson-databind's {@code import
 * com.fasterxml.jackson.core.*;}), and same-named types of such imports where the moved type lands:
 * what each name means is javac's answer, so the moved type keeps reaching its library type and
 * never captures, or is captured by, another type of that name.
 */
class TypeMoveNamesByJavacTest {

  @TempDir Path tmp;
  private Path lib;
  private Path src;

  /**
   * A library on the class path only: {@code lib.Parser}, {@code lib.Reader}, {@code other.Parser}.
   */
  @BeforeEach
  void library() throws Exception {
    Path libSrc = tmp.resolve("libsrc");
    write(
        libSrc,
        "lib/Parser.java",
        "package lib;\n\npublic class Parser {\n  public int next() { return 1; }\n}\n");
    write(
        libSrc,
        "lib/Reader.java",
        "package lib;\n\npublic class Reader {\n  public int read() { return 2; }\n}\n");
    write(
        libSrc,
        "other/Parser.java",
        "package other;\n\npublic class Parser {\n  public int next() { return 3; }\n}\n");
    lib = Files.createDirectories(tmp.resolve("lib"));
    assertEquals("", compile(libSrc, lib));
    src = tmp.resolve("src");
  }

  private MoveTestSupport.Run run(String plan) throws Exception {
    Files.writeString(tmp.resolve("plan"), plan);
    return move(
        "--plan", tmp.resolve("plan").toString(), "--classpath", lib.toString(), src.toString());
  }

  private void compiles() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    assertEquals("", compile(List.of(src), out, List.of(lib)));
  }

  private static final String OUTER =
      "package p;\n\nimport lib.*;\n\npublic class Outer {\n"
          + "  public static class Tokens {\n"
          + "    public int first(Parser p) { return p.next(); }\n"
          + "  }\n}\n";

  @Test
  void aNestedTypeMovedIntoAHostGetsItsOnDemandLibraryTypeImported() throws Exception {
    write(src, "p/Outer.java", OUTER);
    write(src, "q/Host.java", "package q;\n\npublic class Host {}\n");
    MoveTestSupport.Run r = run("move p.Outer.Tokens to q.Host\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String host = Files.readString(src.resolve("q/Host.java"));
    assertTrue(host.contains("import lib.Parser;"), host);
    assertTrue(host.contains("public int first(Parser p)"), host);
    compiles();
  }

  @Test
  void aTopLevelTypeMovedIntoAHostGetsItsOnDemandLibraryTypeImported() throws Exception {
    write(
        src,
        "p/Tokens.java",
        "package p;\n\nimport lib.*;\n\npublic class Tokens {\n"
            + "  public int first(Parser p) { return p.next(); }\n}\n");
    write(src, "q/Host.java", "package q;\n\npublic class Host {}\n");
    MoveTestSupport.Run r = run("move p.Tokens to q.Host\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("q/Host.java")).contains("import lib.Parser;"));
    assertFalse(Files.exists(src.resolve("p/Tokens.java")));
    compiles();
  }

  @Test
  void aNestedTypeMovedOutGetsItsOnDemandLibraryTypeImported() throws Exception {
    write(src, "p/Outer.java", OUTER);
    MoveTestSupport.Run r = run("move p.Outer.Tokens to q\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String moved = Files.readString(src.resolve("q/Tokens.java"));
    assertTrue(moved.contains("import lib.Parser;"), moved);
    compiles();
  }

  @Test
  void aHostSeeingAnotherSameNamedTypeOnDemandThatItDoesNotUseGetsASingleImport() throws Exception {
    // Inside Host, Parser would mean other.Parser (its on-demand import); Host never uses it, so a
    // single-type import of lib.Parser keeps the moved text's meaning and changes nothing else.
    write(src, "p/Outer.java", OUTER);
    write(src, "q/Host.java", "package q;\n\nimport other.*;\n\npublic class Host {}\n");
    MoveTestSupport.Run r = run("move p.Outer.Tokens to q.Host\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("q/Host.java")).contains("import lib.Parser;"));
    compiles();
  }

  @Test
  void aHostThatUsesAnotherSameNamedTypeOnDemandIsANameClash() throws Exception {
    write(src, "p/Outer.java", OUTER);
    write(
        src,
        "q/Host.java",
        "package q;\n\nimport other.*;\n\npublic class Host {\n"
            + "  int n(Parser p) { return p.next(); }\n}\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Outer.Tokens to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/name-clash"), r.out());
    assertTrue(r.out().contains("other.Parser"), r.out());
    assertEquals(before, snapshot(src), "nothing written");
  }

  @Test
  void aTypeMovedIntoAPackageWhereAUserSeesASameNamedLibraryTypeOnDemandIsANameClash()
      throws Exception {
    // In q, User's Reader is lib.Reader through `import lib.*;`. A type Reader of q itself would
    // shadow it: User would silently call p.Reader's read().
    write(
        src,
        "p/Reader.java",
        "package p;\n\npublic class Reader {\n  public int read() { return 9; }\n}\n");
    write(
        src,
        "p/Use.java",
        "package p;\n\nclass Use {\n  int n() { return new Reader().read(); }\n}\n");
    write(
        src,
        "q/User.java",
        "package q;\n\nimport lib.*;\n\nclass User {\n  int n(Reader r) { return r.read(); }\n}\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Reader to q\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/name-clash"), r.out());
    assertTrue(r.out().contains("q/User.java"), r.out());
    assertTrue(r.out().contains("lib.Reader"), r.out());
    assertEquals(before, snapshot(src), "nothing written");
  }

  @Test
  void aNestedTypeMovedOutIsWrittenInFullWhereItsSimpleNameMeansALibraryTypeOnDemand()
      throws Exception {
    // Use names p.Outer.Reader qualified and lib.Reader by its simple name: an `import q.Reader;`
    // would capture the latter, so the moved type is written q.Reader.
    write(
        src,
        "p/Outer.java",
        "package p;\n\npublic class Outer {\n"
            + "  public static class Reader {\n    public int read() { return 9; }\n  }\n}\n");
    write(
        src,
        "r/Use.java",
        "package r;\n\nimport lib.*;\n\nclass Use {\n"
            + "  int n(p.Outer.Reader a, Reader b) { return a.read() + b.read(); }\n}\n");
    MoveTestSupport.Run r = run("move p.Outer.Reader to q\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String use = Files.readString(src.resolve("r/Use.java"));
    assertTrue(use.contains("int n(q.Reader a, Reader b)"), use);
    assertFalse(use.contains("import q.Reader;"), use);
    compiles();
  }

  @Test
  void aTypeMovedToAPackageWithATypeOfTheNameItSawOnDemandImportsWhatItMeant() throws Exception {
    // In q, Reader would mean q.Reader (the package shadows `import lib.*;`).
    write(
        src,
        "p/Tool.java",
        "package p;\n\nimport lib.*;\n\npublic class Tool {\n"
            + "  public int n(Reader r) { return r.read(); }\n}\n");
    write(src, "q/Reader.java", "package q;\n\npublic class Reader {}\n");
    MoveTestSupport.Run r = run("move p.Tool to q\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String moved = Files.readString(src.resolve("q/Tool.java"));
    assertTrue(moved.contains("import lib.Reader;"), moved);
    compiles();
  }

  @Test
  void aNestedTypeMovedOutQualifiesAMemberTypeItsEnclosingTypeInherits() throws Exception {
    write(
        src,
        "p/Base.java",
        "package p;\n\npublic class Base {\n"
            + "  public static class Kit {\n    public int k() { return 1; }\n  }\n}\n");
    write(
        src,
        "p/Outer.java",
        "package p;\n\npublic class Outer extends Base {\n"
            + "  public static class Inner {\n    public int f(Kit k) { return k.k(); }\n  }\n}\n");
    MoveTestSupport.Run r = run("move p.Outer.Inner to q\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    String moved = Files.readString(src.resolve("q/Inner.java"));
    assertTrue(moved.contains("public int f(Outer.Kit k)"), moved);
    compiles();
  }
}
