package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectFileTest {

  private static final Path FILE = Path.of("/work/p/lockkit.toml");

  private static ProjectFile parse(String... lines) throws ProjectFile.BadProjectFile {
    return ProjectFile.parse(FILE, String.join("\n", lines) + "\n");
  }

  private static String error(String... lines) {
    return assertThrows(ProjectFile.BadProjectFile.class, () -> parse(lines)).getMessage();
  }

  @Test
  void readsStringsListsAndBooleansWithPathsRelativeToTheFile() throws Exception {
    ProjectFile p =
        parse(
            "# the shop's gate",
            "[analyze]",
            "sources = [\"core/src/main/java\", \"web\"]   # two roots",
            "rules = \"rules#1.txt\"",
            "",
            "[variants]",
            "compile = true",
            "sources = [",
            "  \"core/src/main/java\",",
            "]");
    assertEquals(
        List.of(Path.of("/work/p/core/src/main/java"), Path.of("/work/p/web")),
        p.paths("analyze", "sources"));
    assertEquals(Path.of("/work/p/rules#1.txt"), p.path("analyze", "rules"));
    assertEquals(null, p.path("analyze", "kconfig"));
    assertTrue(p.bool("variants", "compile", false));
    assertEquals(List.of("core/src/main/java"), p.strings("variants", "sources"));
    assertFalse(p.has("golden"));
  }

  @Test
  void anUnknownKeyIsAnErrorAtItsLineListingTheKnownOnes() {
    assertEquals(
        "/work/p/lockkit.toml:3: unknown key 'kconfg' in [analyze] (expected one of baseline,"
            + " fail-on, kconfig, rules, sources)",
        error("[analyze]", "sources = [\".\"]", "kconfg = \"Kconfig\""));
  }

  @Test
  void anUnknownSectionIsAnError() {
    assertEquals(
        "/work/p/lockkit.toml:1: unknown section [analyse] (expected [analyze], [golden],"
            + " [variants])",
        error("[analyse]"));
  }

  @Test
  void aBareValueIsAnError() {
    assertEquals(
        "/work/p/lockkit.toml:2: expected a \"string\", a [\"list\"] or true/false, found: Kconfig",
        error("[analyze]", "kconfig = Kconfig"));
  }

  @Test
  void aKeyOutsideASectionAndADuplicateKeyAreErrors() {
    assertEquals(
        "/work/p/lockkit.toml:1: key outside a section; start with [analyze]",
        error("rules = \"r\""));
    assertEquals(
        "/work/p/lockkit.toml:3: key 'rules' set twice in [analyze]",
        error("[analyze]", "rules = \"a\"", "rules = \"b\""));
  }

  @Test
  void aWrongTypeIsAnErrorWhenRead() throws Exception {
    ProjectFile p = parse("[variants]", "compile = \"yes\"");
    assertEquals(
        "/work/p/lockkit.toml: [variants] compile must be true or false",
        assertThrows(ProjectFile.BadProjectFile.class, () -> p.bool("variants", "compile", false))
            .getMessage());
  }

  @Test
  void lockkitsOwnFileNamesWhatCheckUsedToDefaultTo() throws Exception {
    // The repository root's lockkit.toml carries lockcore's settings, so `./lockkit check` runs
    // the same gate as when they were built in.
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProjectFile p = ProjectFile.read(root.resolve(ProjectFile.NAME));
    assertEquals(List.of(root), p.paths("analyze", "sources"));
    assertEquals(root.resolve("lockkit-rules.txt"), p.path("analyze", "rules"));
    assertEquals(root.resolve("lockcore/Kconfig"), p.path("analyze", "kconfig"));
    assertEquals(root.resolve("fixtures/scenarios"), p.path("golden", "scenarios"));
    assertEquals(root.resolve("fixtures/approved"), p.path("golden", "approved"));
    assertEquals(root.resolve("lockcore/Kconfig"), p.path("golden", "kconfig"));
    assertFalse(p.has("variants"));
  }
}
