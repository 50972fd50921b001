package dev.lockkit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.variants.VariantsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --kconfig-var} and {@code --kconfig-free-undefined} on analyze and variants. */
class KconfigOptionsCliTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path tree() throws Exception {
    Files.createDirectories(dir.resolve("arch/x86"));
    Files.writeString(dir.resolve("arch/x86/Kconfig"), "config X86\n\tdef_bool y\n\tselect MMU\n");
    Files.writeString(
        dir.resolve("Kconfig"),
        "source \"arch/$(SRCARCH)/Kconfig\"\nconfig MMU\n\tbool \"mmu\"\n"
            + "config PER_VMA_LOCK\n\tdef_bool y\n\tdepends on MMU && ARCH_SUPPORTS_PER_VMA_LOCK\n");
    Path src = dir.resolve("src/p");
    Files.createDirectories(src);
    Files.writeString(src.resolve("A.java"), "package p;\nclass A {}\n");
    return dir.resolve("src");
  }

  @Test
  void variantsReadsTheTreeWithVariablesAndFreeSymbols() throws Exception {
    Path src = tree();
    String k = dir.resolve("Kconfig").toString();
    Run r =
        run(
            new VariantsCommand(),
            "--kconfig",
            k,
            "--kconfig-var",
            "SRCARCH=x86",
            "--kconfig-free-undefined",
            src.toString());
    assertEquals(0, r.exit(), r.err());
    // X86 selects MMU; ARCH_SUPPORTS_PER_VMA_LOCK is free: PER_VMA_LOCK follows it.
    assertTrue(r.out().startsWith("lockkit variants: 2 valid configurations"), r.out());
    Run unset =
        run(new VariantsCommand(), "--kconfig", k, "--kconfig-free-undefined", src.toString());
    assertEquals(2, unset.exit());
    assertTrue(unset.err().contains("uses $(SRCARCH), which is not set"), unset.err());
    Run strict =
        run(new VariantsCommand(), "--kconfig", k, "--kconfig-var", "SRCARCH=x86", src.toString());
    assertEquals(2, strict.exit());
    assertTrue(strict.err().contains("unknown symbol ARCH_SUPPORTS_PER_VMA_LOCK"), strict.err());
    Run bad =
        run(new VariantsCommand(), "--kconfig", k, "--kconfig-var", "SRCARCH", src.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--kconfig-var needs NAME=VALUE"), bad.err());
  }

  @Test
  void analyzeReportsDeepNestingAsOneLocatedLine() throws Exception {
    Path src = tree();
    Path k = dir.resolve("Deep");
    Files.writeString(k, "config A\n\tbool \"a\"\n\tdepends on " + "!".repeat(5000) + "A\n");
    Run r = run(new AnalyzeCommand(), "--kconfig", k.toString(), src.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().strip().endsWith("Deep:3: expression nested too deep (limit 200)"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("StackOverflowError"), r.err());
    Run ok =
        run(
            new AnalyzeCommand(),
            "--kconfig",
            dir.resolve("Kconfig").toString(),
            "--kconfig-var",
            "SRCARCH=x86",
            "--kconfig-free-undefined",
            src.toString());
    assertEquals(0, ok.exit(), ok.err() + ok.out());
    assertTrue(ok.out().contains("kconfig/undefined-symbol"), ok.out());
  }
}
