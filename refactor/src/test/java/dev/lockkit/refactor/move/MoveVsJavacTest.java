package dev.lockkit.refactor.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if check against javac on commons-lang3's sources (slow: minutes). Tagged {@code slow},
 * which the refactor pom excludes from the default run ({@code lockkit.excludedGroups}), so it is
 * not run, and not reported as skipped, by {@code mvn verify}. The refactor build copies the
 * sources jar into {@code target/move-vs-javac/}.
 *
 * <pre>
 * mvn -B -pl refactor -am test -Dtest=MoveVsJavacTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlockkit.excludedGroups=none [-Dlockkit.harness.n=20] [-Dlockkit.harness.seed=1]
 * </pre>
 *
 * Prints the tallies and writes them to {@code target/move-vs-javac.txt}; fails if a move predicted
 * safe does not compile.
 */
@Tag("slow")
class MoveVsJavacTest {

  @TempDir Path tmp;

  @Test
  void everyMovePredictedSafeCompiles() throws Exception {
    Path jar = Path.of("target/move-vs-javac/commons-lang3-sources.jar");
    assertTrue(
        Files.exists(jar),
        jar + " missing: the refactor build copies it (generate-test-resources)");
    Path src = Files.createDirectories(tmp.resolve("commons-lang3"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        if (e.isDirectory() || !e.getName().endsWith(".java")) {
          continue;
        }
        Path out = src.resolve(e.getName());
        Files.createDirectories(out.getParent());
        try (var in = zip.getInputStream(e)) {
          Files.copy(in, out);
        }
      }
    }
    assertEquals(
        "", MoveVsJavacHarness.compile(src, tmp.resolve("baseline")), "the baseline must compile");
    int n = Integer.getInteger("lockkit.harness.n", 20);
    long seed = Long.getLong("lockkit.harness.seed", 1L);
    MoveVsJavacHarness.Report r = new MoveVsJavacHarness(src, tmp.resolve("work")).run(n, seed);
    System.out.println(r.text());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/move-vs-javac.txt"), r.text());
    assertTrue(!r.text().contains("DISAGREE(safe, javac fails)"), r.text());
  }
}
