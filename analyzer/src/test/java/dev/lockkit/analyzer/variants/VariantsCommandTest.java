package dev.lockkit.analyzer.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.gating.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VariantsCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VariantsCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] withRoots(String name, String... options) {
    List<String> a = new ArrayList<>(List.of(options));
    a.add("--rules");
    a.add("src/test/resources/gating/fx.rules");
    a.add("--kconfig");
    a.add(Fixtures.kconfig(name).toString());
    for (Path p : Fixtures.roots(name)) {
      a.add(p.toString());
    }
    return a.toArray(String[]::new);
  }

  @Test
  void listsEveryValidConfigurationWithTheOptionsItSets() {
    Run r = run(withRoots("clean"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("lockkit variants: 40 valid configurations of "), r.out());
    assertTrue(r.out().contains("\nV01      (none)\n"), r.out());
    assertTrue(
        r.out()
            .contains(
                "V40      ARCH_SUPPORTS_PER_VMA_LOCK DEBUG_LOCK_ALLOC LOCK_MM_AND_FIND_VMA MMU PER_VMA_LOCK SMP\n"),
        r.out());
    assertEquals(r.out(), run(withRoots("clean")).out(), "deterministic");
  }

  @Test
  void jsonListsEveryVariantWithItsFullConfigurationAndCompileVerdict() {
    Run r = run(withRoots("unguarded-reference", "--compile", "--format", "json"));
    assertEquals(1, r.exit(), r.err());
    String j = r.out();
    assertTrue(j.startsWith("{\n  \"kconfig\": "), j);
    assertTrue(j.contains("\"sample\": \"all\""), j);
    assertTrue(j.contains("\"id\": \"V40\""), j);
    assertFalse(j.contains("\"id\": \"V41\""), j);
    assertTrue(j.contains("\"MMU\": true"), j);
    assertTrue(j.contains("\"compiles\": false"), j);
    assertTrue(j.contains("fx/mm/Memory.java:"), j);
    assertTrue(
        j.contains(
            "\"summary\": {\n    \"variants\": 40,\n    \"compile\": 24,\n    \"fail\": 16\n  }"),
        j);
    assertEquals(j, run(withRoots("unguarded-reference", "--compile", "--format", "json")).out());
  }

  @Test
  void tooManyConfigurationsAreRefusedBeforeAnythingIsBuilt() {
    Run r = run(withRoots("clean", "--compile", "--max-variants", "39"));
    assertEquals(2, r.exit(), r.out());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .matches(
                "lockkit variants: \\S*Kconfig: more than 39 valid configurations \\(\\d+ options\\); use --sample pairwise, or raise --max-variants\\n"),
        r.err());
    assertEquals(0, run(withRoots("clean", "--max-variants", "40")).exit(), "40 is allowed");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run r = run(withRoots("clean", "--format", "xml"));
    assertEquals(2, r.exit());
    assertEquals("lockkit variants: unknown format 'xml' (expected text or json)\n", r.err());
  }

  @Test
  void pairwiseSampleIsShorter() {
    Run r = run(withRoots("clean", "--sample", "pairwise"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("configurations covering every feasible pair"), r.out());
    assertFalse(r.out().contains("V40"), r.out());
  }

  @Test
  void compileReportsFailingVariantsWithTheirFirstErrorsAndExitsOne() {
    Run r = run(withRoots("unguarded-reference", "--compile"));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains(" FAIL    MMU\n"), r.out());
    assertTrue(r.out().contains("fx/mm/Memory.java:"), r.out());
    assertTrue(r.out().contains("cannot find symbol"), r.out());
    assertTrue(r.out().contains("40 variants: 24 compile, 16 fail"), r.out());
  }

  @Test
  void badInputExitsTwoWithOneLineAndNoStackTrace() {
    Run missing = run("--kconfig", "no/such/Kconfig", "src/test/resources/gating/common");
    assertEquals(2, missing.exit());
    assertEquals("lockkit variants: no/such/Kconfig: no such file (Kconfig file)\n", missing.err());

    Run noDir = run("--kconfig", Fixtures.kconfig("clean").toString(), "no/such/dir");
    assertEquals(2, noDir.exit());
    assertTrue(noDir.err().contains("no/such/dir is not a directory"), noDir.err());
    assertFalse(noDir.err().contains("\tat "), noDir.err());
  }

  @Test
  void findsTheKconfigBesideTheSourcesWhenNotGiven() {
    Run r = run(Fixtures.roots("clean").get(1).toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("gating/clean/Kconfig"), r.out());
  }

  @Test
  void aClassPathEntryThatDoesNotExistIsAUsageErrorBeforeAnythingIsBuilt() {
    Run r = run(withRoots("clean", "--compile", "--classpath", "/nope/missing.jar"));
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(
        r.err().contains("--classpath: /nope/missing.jar: no such file or directory"), r.err());
    assertEquals("", r.out());
  }
}
