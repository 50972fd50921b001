package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.GoldenAssertions;
import dev.lockkit.lockcore.types.MmStruct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v5.8 mmap locking API migration, re-enacted on lockcore: the fixture's callers are written
 * against the mm's raw rwsem; the templates turn them into lockcore's mmaplock API. The report and
 * the diff are approved golden files (compared byte for byte); the migrated tree compiles against
 * lockcore, and a second run has nothing to do.
 *
 * <p>The approved files ({@code <name>.approved.txt}) go through golden's one approval path: to
 * approve a changed output, run with {@code -Dgolden.update=true} (never on CI) and review the diff
 * of the approved files.
 */
class MmapSemMigrationTest {

  private static final Path FIXTURE = Path.of("..", "fixtures", "migrations", "mmap-sem");
  private static final Path LOCKCORE_SOURCES = Path.of("..", "lockcore", "src", "main", "java");
  private static final Path KCONFIG = Path.of("..", "lockcore", "Kconfig");
  private static final Path APPROVED = Path.of("src", "test", "resources", "migrate", "mmap-sem");

  @TempDir static Path work;
  private static Migration.Result result;
  private static Map<String, String> original;

  @BeforeAll
  static void migrate() throws Exception {
    copy(FIXTURE, work);
    original = TestTrees.read(work);
    result = Migration.run(request("write"));
  }

  private static MigrationRequest request(String mode) {
    return new MigrationRequest(
        work,
        work.resolve("MmapSemToMmapLock.java"),
        List.of(work.resolve("src")),
        List.of(LOCKCORE_SOURCES.toAbsolutePath().normalize()),
        Optional.of(KCONFIG),
        mode);
  }

  @Test
  void textReportIsApproved() throws IOException {
    verify("report.txt", result.report().toText());
  }

  @Test
  void jsonReportIsApproved() throws IOException {
    verify("report.json", result.report().toJson());
  }

  @Test
  void diffIsApproved() throws Exception {
    verify("migration.diff", result.changes().unifiedDiff(work));
  }

  @Test
  void everySiteLeftIsOneOfTheFixturesDeliberateLeftovers() {
    List<String> files = new ArrayList<>();
    result.report().rules().forEach(r -> r.left().forEach(s -> files.add(s.path())));
    assertEquals(8, files.size(), result.report().toText());
    assertTrue(
        files.stream().allMatch(f -> f.endsWith("/Leftovers.java")), String.join("\n", files));
  }

  @Test
  void migratedTreeCompilesAgainstLockcoreAndSecondRunRewritesNothing(@TempDir Path copy)
      throws Exception {
    copy(work, copy);
    for (Map.Entry<Path, String> e : result.changes().result().entrySet()) {
      Path rel = work.relativize(e.getKey());
      Files.writeString(copy.resolve(rel), e.getValue(), StandardCharsets.UTF_8);
    }
    assertCompiles(copy.resolve("src"));
    Migration.Result again =
        Migration.run(
            new MigrationRequest(
                copy,
                copy.resolve("MmapSemToMmapLock.java"),
                List.of(copy.resolve("src")),
                List.of(LOCKCORE_SOURCES.toAbsolutePath().normalize()),
                Optional.of(KCONFIG),
                "check"));
    assertTrue(again.changes().isEmpty(), again.report().toText());
    assertEquals(result.report().leftCount(), again.report().leftCount());
  }

  @Test
  void theFixtureItselfCompilesBeforeMigration() throws Exception {
    assertEquals(original, TestTrees.read(work));
    assertCompiles(work.resolve("src"));
  }

  private static void assertCompiles(Path src) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>();
    String lockcore =
        Path.of(MmStruct.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .toString();
    Path classes = Files.createTempDirectory("lockkit-mmap-sem-classes");
    args.addAll(List.of("-d", classes.toString(), "-cp", lockcore));
    try (Stream<Path> s = Files.walk(src)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
    assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
  }

  private static void verify(String name, String actual) {
    GoldenAssertions.verify(APPROVED, name, actual);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!Files.exists(target)) {
          Files.copy(p, target);
        }
      }
    }
  }
}
