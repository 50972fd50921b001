package dev.lockkit.analyzer.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.pc.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KconfigParserTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private KconfigException error(String text) throws IOException {
    Path k = write("Kconfig", text);
    return assertThrows(KconfigException.class, () -> KconfigParser.parse(k));
  }

  @Test
  void readsTheFixtureModelThroughSource() throws Exception {
    FeatureModel m = KconfigParser.parse(Path.of("src/test/resources/gating/clean/Kconfig"));
    assertEquals(
        List.of(
            "ARCH_SUPPORTS_PER_VMA_LOCK",
            "DEBUG_LOCK_ALLOC",
            "LOCK_MM_AND_FIND_VMA",
            "MMU",
            "PER_VMA_LOCK",
            "SMP",
            "STACK_GROWSUP"),
        List.copyOf(m.symbolNames()));
    KconfigSymbol perVma = m.symbol("PER_VMA_LOCK").orElseThrow();
    assertEquals("MMU && SMP && ARCH_SUPPORTS_PER_VMA_LOCK", perVma.dependencies().toString());
    assertTrue(perVma.prompt().isEmpty());
    assertTrue(perVma.location().path().endsWith("common/Kconfig"), perVma.location().toString());
    assertEquals(19, perVma.location().line());
    assertTrue(m.symbol("MMU").orElseThrow().help().startsWith("Say N for a NOMMU kernel"));
  }

  @Test
  void ifBlocksAndMenuDependenciesBecomeDependenciesOfTheirEntries() throws Exception {
    Path k =
        write(
            "Kconfig",
            """
            config A
            \tbool "a"
            menu "m"
            \tdepends on A
            if B
            config C
            \tbool "c"
            \tdepends on !A || B
            \thelp
            \t  if this were a keyword, parsing would fail
            \t    (deeper indentation is still help)

            \t  config NOT_A_SYMBOL
            endif
            endmenu
            config B
            \tbool "b" \\
            \t  if A
            """);
    FeatureModel m = KconfigParser.parse(k);
    assertEquals(List.of("A", "B", "C"), List.copyOf(m.symbolNames()));
    assertEquals("A && B && (!A || B)", m.symbol("C").orElseThrow().dependencies().toString());
    assertEquals(Expr.sym("A"), m.symbol("B").orElseThrow().promptCondition());
  }

  @Test
  void missingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope/Kconfig");
    KconfigException e = assertThrows(KconfigException.class, () -> KconfigParser.parse(missing));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void aFileThatIncludesItselfIsReportedAtTheSourceLine() throws Exception {
    write("sub/Kconfig.mm", "config A\n\tbool \"a\"\nsource \"../Kconfig\"\n");
    KconfigException e = error("source \"sub/Kconfig.mm\"\n");
    assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
    assertEquals(3, e.location().line());
    assertTrue(e.location().path().endsWith("Kconfig.mm"), e.location().toString());
  }

  @Test
  void unknownSymbolInAnExpressionIsAnErrorWithSuggestion() throws Exception {
    KconfigException e =
        error("config PER_VMA_LOCK\n\tbool \"p\"\n\tdepends on MMMU\nconfig MMU\n\tbool \"m\"\n");
    assertEquals(3, e.location().line());
    assertTrue(e.getMessage().contains("unknown symbol MMMU (did you mean MMU?)"), e.getMessage());
  }

  @Test
  void dependencyLoopThroughSelectIsAnError() throws Exception {
    KconfigException e =
        error(
            "config A\n\tbool \"a\"\n\tdepends on B\n\tselect C\nconfig B\n\tbool \"b\"\n\tdepends on C\nconfig C\n\tbool\n");
    assertTrue(e.getMessage().contains("dependency loop A -> B -> C -> A"), e.getMessage());
    assertEquals(1, e.location().line());
  }

  @Test
  void syntaxErrorsCarryFileAndLine() throws Exception {
    assertEquals(3, error("config A\n\tbool \"a\"\n\tfrobnicate\n").location().line());
    assertEquals(1, error("if A\nconfig A\n\tbool \"a\"\n").location().line());
    assertEquals(3, error("config A\n\tbool \"a\"\n\tdepends on A &&\n").location().line());
    assertEquals(1, error("config A\n").location().line());
    assertEquals(3, error("config A\n\tbool \"a\"\nendif\n").location().line());
    KconfigException prefix = error("config CONFIG_A\n\tbool \"a\"\n");
    assertTrue(prefix.getMessage().contains("without the CONFIG_ prefix"), prefix.getMessage());
  }
}
