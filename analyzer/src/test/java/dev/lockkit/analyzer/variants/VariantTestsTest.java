package dev.lockkit.analyzer.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code variants --test}: a project's JUnit 5 tests run on every variant. The project has one
 * option, DISK; {@code Disk} exists only with DISK. Its tests: one that passes everywhere, one that
 * expects no {@code Disk} class at run time (fails with DISK), one that calls {@code Disk} (does
 * not compile without DISK).
 */
class VariantTestsTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path f = dir.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  private void project() throws IOException {
    write("Kconfig", "config DISK\n\tbool \"disk\"\n");
    write(
        "rules.txt", "condition-annotation shop.IfConfig\nguard-method shop.Features#isEnabled\n");
    write(
        "src/main/java/shop/IfConfig.java",
        "package shop;\npublic @interface IfConfig {\n  String value();\n}\n");
    write(
        "src/main/java/shop/Features.java",
        "package shop;\npublic final class Features {\n"
            + "  public static boolean isEnabled(String option) {\n    return false;\n  }\n}\n");
    write(
        "src/main/java/shop/Store.java",
        "package shop;\npublic final class Store {\n  public static int twice(int x) {\n"
            + "    return 2 * x;\n  }\n}\n");
    write(
        "src/main/java/shop/Disk.java",
        "package shop;\n@IfConfig(\"DISK\")\npublic final class Disk {\n"
            + "  public static int blocks() {\n    return 8;\n  }\n}\n");
    String imports =
        "import static org.junit.jupiter.api.Assertions.assertEquals;\n"
            + "import org.junit.jupiter.api.Test;\n";
    write(
        "src/test/java/shop/TwiceTest.java",
        "package shop;\n"
            + imports
            + "class TwiceTest {\n  @Test\n  void doubles() {\n"
            + "    assertEquals(4, Store.twice(2));\n  }\n}\n");
    write(
        "src/test/java/shop/NoDiskTest.java",
        "package shop;\n"
            + "import static org.junit.jupiter.api.Assertions.assertThrows;\n"
            + "import org.junit.jupiter.api.Test;\n"
            + "class NoDiskTest {\n  @Test\n  void diskIsAbsent() {\n"
            + "    assertThrows(ClassNotFoundException.class, () -> Class.forName(\"shop.Disk\"));\n"
            + "  }\n}\n");
    write(
        "src/test/java/shop/DiskTest.java",
        "package shop;\n"
            + imports
            + "class DiskTest {\n  @Test\n  void hasBlocks() {\n"
            + "    assertEquals(8, Disk.blocks());\n  }\n}\n");
  }

  @Test
  void eachVariantRunsTheTestsThatCompileThereAndReportsTheRest() throws IOException {
    project();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VariantsCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "--quiet",
            "--test",
            "--rules",
            dir.resolve("rules.txt").toString(),
            "--kconfig",
            dir.resolve("Kconfig").toString(),
            dir.resolve("src/main/java").toString());
    String o = out.toString();
    assertEquals(1, exit, o + err);
    assertTrue(o.contains("2 variants: 2 compile, 0 fail"), o);
    // V01 is DISK=n: Disk is cut, so DiskTest does not compile; the other two run and pass.
    assertTrue(o.contains("V01      FAIL: 2 run, 0 failed, 1 test source(s) do not compile"), o);
    assertTrue(o.contains("does not compile here: "), o);
    assertTrue(o.contains("DiskTest.java: line 7: cannot find symbol"), o);
    // V02 is DISK=y: all three compile and run; NoDiskTest finds the Disk class and fails.
    assertTrue(o.contains("V02      FAIL: 3 run, 1 failed, 0 test source(s) do not compile"), o);
    assertTrue(o.contains("failed: shop.NoDiskTest#diskIsAbsent: AssertionFailedError"), o);
  }

  @Test
  void withoutTestSourcesTestIsAUsageError() throws IOException {
    project();
    Files.walk(dir.resolve("src/test"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VariantsCommand());
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "--test",
            "--kconfig",
            dir.resolve("Kconfig").toString(),
            dir.resolve("src/main/java").toString());
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--test: no test sources found"), err.toString());
  }
}
