package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the plans in {@code fixtures/refactorings/} to copies of their {@code before} trees and
 * compares the result byte for byte with the reviewed {@code after} trees (the approved output).
 */
class MoveFixturesTest {

  @TempDir Path tmp;

  private Map<String, String> apply(String fixture, String... extra) throws Exception {
    Path src = copy(FIXTURES.resolve(fixture).resolve("before"), tmp.resolve("src"));
    String[] args = new String[extra.length + 3];
    args[0] = "--plan";
    args[1] = FIXTURES.resolve(fixture).resolve("plan").toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = src.toString();
    MoveTestSupport.Run r = move(args);
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
    return snapshot(src);
  }

  @Test
  void everyReferenceKindIsRewrittenAndTheResultCompiles() throws Exception {
    assertEquals(snapshot(FIXTURES.resolve("references/after")), apply("references"));
  }

  @Test
  void kernelSplitInMiniatureDropsConditionsTheDestinationImplies() throws Exception {
    Path k = FIXTURES.resolve("kernel-split");
    assertEquals(
        snapshot(k.resolve("after")),
        apply(
            "kernel-split",
            "--kconfig",
            k.resolve("Kconfig").toString(),
            "--rules",
            k.resolve("rules").toString()));
  }

  @Test
  void dryRunPrintsTheDiffAndWritesNothing() throws Exception {
    Path src = copy(FIXTURES.resolve("references/before"), tmp.resolve("src"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move("--plan", FIXTURES.resolve("references/plan").toString(), "--dry-run", src.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(": would apply\n"), r.out());
    assertTrue(
        r.out()
            .contains(
                "+    System.out.println(Loud.shout(\"hi\")); // Strings.shout in a comment stays"),
        r.out());
    assertTrue(r.out().contains("+++ b/"), r.out());
    assertEquals(before, snapshot(src));
    // Deterministic: the same input gives byte-identical output.
    assertEquals(
        r.out(),
        move("--plan", FIXTURES.resolve("references/plan").toString(), "--dry-run", src.toString())
            .out());
  }

  @Test
  void keepForwardersLeavesDeprecatedDelegatesThatCompile() throws Exception {
    Path src = copy(FIXTURES.resolve("references/before"), tmp.resolve("src"));
    MoveTestSupport.Run r =
        move(
            "--plan",
            FIXTURES.resolve("references/plan").toString(),
            "--keep-forwarders",
            src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String strings = Files.readString(src.resolve("app/util/Strings.java"));
    assertTrue(
        strings.contains(
            "  /** @deprecated Moved to {@link Loud#shout}. */\n  @Deprecated\n  public static String shout(String s) {\n    return Loud.shout(s);\n  }\n"),
        strings);
    assertTrue(
        strings.contains("@Deprecated\n  public static final int LIMIT = Loud.LIMIT;\n"), strings);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void jsonReportNamesStatusOperationsAndFiles() throws Exception {
    Path src = copy(FIXTURES.resolve("references/before"), tmp.resolve("src"));
    MoveTestSupport.Run r =
        move(
            "--plan",
            FIXTURES.resolve("references/plan").toString(),
            "--dry-run",
            "--format",
            "json",
            src.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "{\n  \"status\": \"would apply\",\n  \"operations\": [\n    {\"line\": 3, \"element\": \"app.util.Strings#shout(String)\", \"destination\": \"app.text.Loud\"}"),
        r.out());
    assertTrue(r.out().contains("\"conflicts\": [],"), r.out());
    assertTrue(r.out().contains("\"diff\": \"--- a/"), r.out());
  }
}
