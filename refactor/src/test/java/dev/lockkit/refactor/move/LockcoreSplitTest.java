package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.lockkit.golden.junit.GoldenAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lockkit redoes the kernel patch: {@code fixtures/refactorings/split.plan} applied to a copy of
 * {@code fixtures/lockcore-before} passes the what-if check under lockcore's Kconfig and layer
 * order, compiles, and lays out its declarations (which type and member lives in which package,
 * under which condition) as lockcore does. The remaining differences are an approved file: {@code
 * split.declarations.approved.txt} (today no difference: the file holds one empty line), checked
 * through golden's {@code GoldenAssertions} like every approved file of the project; both listings
 * must be non-empty.
 */
class LockcoreSplitTest {

  private static final Path ROOT = FIXTURES.getParent().getParent();

  /** The packages the kernel patch touched; the others are shared, not copied, by the fixture. */
  private static final List<String> SPLIT_PACKAGES = List.of("mm", "mmaplock", "vmalock");

  @TempDir Path tmp;

  @Test
  void splitPlanTurnsLockcoreBeforeIntoLockcoresLayout() throws Exception {
    Path src = copy(ROOT.resolve("fixtures/lockcore-before/src/main/java"), tmp.resolve("src"));
    MoveTestSupport.Run r =
        move(
            "--plan",
            FIXTURES.resolve("split.plan").toString(),
            "--kconfig",
            ROOT.resolve("lockcore/Kconfig").toString(),
            "--rules",
            FIXTURES.resolve("split.rules").toString(),
            src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    // lockcore-before shares lockcore's config, sync, trace and types: compile against its sources.
    assertEquals(
        "",
        compile(
            List.of(src, ROOT.resolve("lockcore/src/main/java")),
            Files.createDirectories(tmp.resolve("classes"))));
    String after =
        Declarations.of(src, "dev.lockkit.before", "dev.lockkit.lockcore", SPLIT_PACKAGES);
    String lockcore =
        Declarations.of(
            ROOT.resolve("lockcore/src/main/java"),
            "dev.lockkit.lockcore",
            "dev.lockkit.lockcore",
            SPLIT_PACKAGES);
    // Two empty listings would compare equal: each side must hold types of every split package.
    assertListsEverySplitPackage("the moved tree", after);
    assertListsEverySplitPackage("lockcore", lockcore);
    List<String> a = Arrays.asList(after.split("\n"));
    List<String> b = Arrays.asList(lockcore.split("\n"));
    String diff =
        String.join(
                "\n",
                UnifiedDiffUtils.generateUnifiedDiff(
                    "split-result", "lockcore", a, DiffUtils.diff(a, b), 0))
            + "\n";
    // The one approval path: a missing approved file fails (never read as empty), CI never
    // approves, the received file is split.declarations.received.txt beside it.
    GoldenAssertions.verify(FIXTURES, "split.declarations", diff);
  }

  private static void assertListsEverySplitPackage(String side, String listing) {
    for (String pkg : SPLIT_PACKAGES) {
      String prefix = "dev.lockkit.lockcore." + pkg + ".";
      assertTrue(
          listing.lines().anyMatch(l -> l.startsWith(prefix) && l.contains("#")),
          () -> side + " lists no member of a type in " + prefix + "*:\n" + listing);
    }
  }
}
