package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockkit check} on a user's project: its whole gate from its lockkit.toml. */
class CheckCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private void write(String path, String text) throws IOException {
    Path f = dir.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  /** Two packages that use each other, a Kconfig and a gated class used without a guard. */
  private void userProject() throws IOException {
    write(
        "src/main/java/shop/a/A.java",
        "package shop.a;\npublic class A {\n  public shop.b.B b() {\n    return null;\n  }\n}\n");
    write(
        "src/main/java/shop/b/B.java",
        "package shop.b;\npublic class B {\n  public shop.a.A a() {\n    return null;\n  }\n}\n");
    write("Kconfig", "config DISK\n\tbool \"disk\"\n");
    write(
        "src/main/java/shop/c/IfConfig.java",
        "package shop.c;\npublic @interface IfConfig {\n  String value();\n}\n");
    write(
        "src/main/java/shop/c/Disk.java",
        "package shop.c;\n@IfConfig(\"DISK\")\npublic class Disk {\n  public static void open() {}\n}\n");
    write("rules.txt", "condition-annotation shop.c.IfConfig\n");
    write(
        "src/main/java/shop/c/Use.java",
        "package shop.c;\npublic class Use {\n  void run() {\n    Disk.open();\n  }\n}\n");
  }

  @Test
  void withoutAProjectFileCheckSaysWhatToWriteNotThatLockcoreIsMissing() {
    Run r = run("check", "--project", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no project file " + dir.resolve("lockkit.toml")), r.err());
    assertTrue(r.err().contains("lockkit.toml naming your sources"), r.err());
    assertFalse(r.err().contains("lockcore"), r.err());
  }

  @Test
  void aUserProjectsGateRunsFromItsProjectFileAndFindsItsProblems() throws IOException {
    userProject();
    write(
        "lockkit.toml",
        "[analyze]\nsources = [\"src/main/java\"]\nkconfig = \"Kconfig\"\nrules = \"rules.txt\"\n\n"
            + "[variants]\ncompile = true\n");
    Run r = run("check", "--quiet", "--project", dir.resolve("lockkit.toml").toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("\r"), r.err());
    assertTrue(r.out().contains("== lockkit check 1/2: analyze"), r.out());
    assertTrue(r.out().contains("[cycle/package]"), r.out());
    assertTrue(r.out().contains("Use.java:4"), r.out());
    assertTrue(r.out().contains("[gate/unguarded-reference]"), r.out());
    assertTrue(r.out().contains("== lockkit check 2/2: the build-variant matrix"), r.out());
    // DISK=n deletes Disk, and Use's unguarded call no longer compiles: the same bug, built.
    assertTrue(r.out().contains("2 variants: 1 compile, 1 fail"), r.out());
    assertTrue(r.out().contains("variants: exit 1"), r.out());
  }

  /** The Maven plugin's sample shop (its integration tests build it with Maven). */
  private static Path sample(String name) {
    return Path.of("..", "lockkit-maven-plugin", "src", "it", name);
  }

  @Test
  void theSampleShopsWholeGateRunsFromItsProjectFile() {
    Run clean = run("check", "--project", sample("shop-clean").toString());
    assertEquals(0, clean.code(), clean.out() + clean.err());
    assertTrue(clean.out().contains("12 variants: 12 compile, 0 fail"), clean.out());

    Run broken = run("check", "--project", sample("shop-broken").toString());
    assertEquals(1, broken.code(), broken.out() + broken.err());
    assertTrue(
        broken.out().contains("ShopApi.java:17:32: error: [gate/unguarded-reference]"),
        broken.out());
    assertTrue(broken.out().contains("Billing.java:7:17: error: [cycle/package]"), broken.out());
    assertTrue(
        broken.out().contains("MemoryStore.java:22:10: error: [layer/forbidden]"), broken.out());
    // The variants without DISK_STORE do not compile; the error is at the user's line 17.
    assertTrue(
        broken.out().contains("shop-broken/src/main/java/com/example/shop/api/ShopApi.java:17: "),
        broken.out());
  }

  @Test
  void aCleanProjectPassesWithExitZero() throws IOException {
    write("src/main/java/shop/a/A.java", "package shop.a;\npublic class A {}\n");
    write("lockkit.toml", "[analyze]\nsources = [\"src/main/java\"]\n");
    Run r = run("check", "--project", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("== lockkit check 1/1: analyze"), r.out());
  }

  @Test
  void aMalformedProjectFileIsExitTwoWithFileAndLine() throws IOException {
    write("lockkit.toml", "[analyze]\nsources = [\"src\"]\nrules = lockkit-rules.txt\n");
    Run r = run("check", "--project", dir.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("lockkit check: " + dir.resolve("lockkit.toml") + ":3: "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aSkippedStageIsNamedAsSkippedAndDoesNotRun() throws IOException {
    userProject();
    write(
        "lockkit.toml",
        "[analyze]\nsources = [\"src/main/java\"]\nkconfig = \"Kconfig\"\nrules = \"rules.txt\"\n\n"
            + "[variants]\ncompile = true\n");
    Run r = run("check", "--quiet", "--skip", "variants", "--project", dir.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("variants: skipped (--skip variants)"), r.out());
    assertFalse(r.out().contains("2 variants:"), r.out());

    Run bad = run("check", "--skip", "nosuch", "--project", dir.toString());
    assertEquals(2, bad.code(), bad.out() + bad.err());
    assertTrue(bad.err().contains("--skip nosuch: no such stage"), bad.err());
  }
}
