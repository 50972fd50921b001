package dev.lockkit.analyzer.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.pc.Expr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's own {@code mm/Kconfig} answers the v6.16 locking patch review's questions by SAT.
 *
 * <p>The kernel's files are GPL-2.0 and are not kept in this repository: this class reads a kernel
 * source tree (or a copy of its Kconfig files) named by the system property {@code
 * lockkit.linux.src} or the environment variable {@code LOCKKIT_LINUX_SRC}. Its name does not end
 * in {@code Test}, so the default test run never reaches it (it could only fail there for want of
 * the tree, never skip); run it with {@code mvn -o -pl analyzer test -Dtest=LinuxKconfigCheck
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlockkit.linux.src=DIR}. Without the tree it fails.
 *
 * <p>{@code mm/Kconfig} alone leaves the architecture's symbols ({@code MMU}, {@code SMP}, {@code
 * STACK_GROWSUP}, ...) undefined: they are read as free variables. The architecture also decides
 * what it selects ({@code ARCH_SUPPORTS_PER_VMA_LOCK}, {@code LOCK_MM_AND_FIND_VMA}); a small stub
 * written here stands in for it, as {@code arch/x86/Kconfig} does, with its selects behind a free
 * switch so both kinds of architecture are in the model.
 */
class LinuxKconfigCheck {
  @TempDir static Path dir;
  static Path linux;
  static FeatureModel mm;
  static FeatureModel withArch;

  @BeforeAll
  static void load() throws Exception {
    String src = System.getProperty("lockkit.linux.src", System.getenv("LOCKKIT_LINUX_SRC"));
    if (src == null || !Files.isRegularFile(Path.of(src, "mm/Kconfig"))) {
      fail(
          "no kernel tree: pass -Dlockkit.linux.src=DIR (a directory with mm/Kconfig); got " + src);
    }
    linux = Path.of(src);
    KconfigOptions opts =
        KconfigOptions.DEFAULT
            .withFreeUndefined(true)
            .withOptionalSources(true)
            .withVariable("srctree", linux.toString());
    mm = KconfigParser.parse(linux.resolve("mm/Kconfig"), null, opts);
    Path stub = dir.resolve("Kconfig");
    Files.writeString(
        stub,
        """
        mainmenu "an architecture stub for mm/Kconfig"
        config MODULES
        \tbool "Enable loadable module support"
        \tmodules
        config ARCH_LIKE_X86
        \tbool "an architecture that selects what x86 selects"
        \tselect ARCH_SUPPORTS_PER_VMA_LOCK
        \tselect LOCK_MM_AND_FIND_VMA
        source "mm/Kconfig"
        """);
    withArch = KconfigParser.parse(stub, null, opts);
  }

  private static Expr sym(String s) {
    return Expr.sym(s);
  }

  @Test
  void mmKconfigLoadsWithItsTristatesChoicesAndValueSymbols() {
    System.out.println(
        "mm/Kconfig: "
            + mm.symbolNames().size()
            + " symbols ("
            + mm.symbolsOfType(KconfigSymbol.Type.BOOL).size()
            + " bool, "
            + mm.symbolsOfType(KconfigSymbol.Type.TRISTATE).size()
            + " tristate, "
            + mm.symbolsOfType(KconfigSymbol.Type.UNDEFINED).size()
            + " free), "
            + mm.variables().size()
            + " solver variables");
    mm.findings()
        .forEach(
            f ->
                System.out.println(
                    "  "
                        + f.severity()
                        + " "
                        + f.rule()
                        + " "
                        + f.location()
                        + ": "
                        + f.message()));
    assertTrue(mm.symbolsOfType(KconfigSymbol.Type.TRISTATE).contains("ZSMALLOC"));
    assertTrue(mm.symbolsOfType(KconfigSymbol.Type.UNDEFINED).contains("MMU"));
    assertTrue(mm.symbol("ZSMALLOC_CHAIN_SIZE").isEmpty(), "an int symbol has no gating variable");
    assertTrue(
        mm.findings().stream().map(Finding::rule).anyMatch("kconfig/values-ignored"::equals));
  }

  @Test
  void perVmaLockImpliesMmuAndSmpButIsPossible() {
    for (FeatureModel m : List.of(mm, withArch)) {
      assertFalse(m.isSatisfiable(Expr.and(sym("PER_VMA_LOCK"), Expr.not(sym("MMU")))));
      assertFalse(m.isSatisfiable(Expr.and(sym("PER_VMA_LOCK"), Expr.not(sym("SMP")))));
    }
    // mm/Kconfig alone: ARCH_SUPPORTS_PER_VMA_LOCK is def_bool n, only an arch's select sets it.
    assertFalse(mm.isSatisfiable(sym("PER_VMA_LOCK")));
    assertTrue(withArch.isSatisfiable(sym("PER_VMA_LOCK")));
    assertEquals(
        "ARCH_SUPPORTS_PER_VMA_LOCK && MMU && SMP",
        withArch.symbol("PER_VMA_LOCK").orElseThrow().dependencies().toString());
  }

  @Test
  void lockMmAndFindVmaDependsOnlyOnNotStackGrowsUp() {
    KconfigSymbol k = withArch.symbol("LOCK_MM_AND_FIND_VMA").orElseThrow();
    assertEquals("!STACK_GROWSUP", k.dependencies().toString());
    assertTrue(k.prompt().isEmpty(), "no prompt: only an architecture's select turns it on");
    assertFalse(mm.isSatisfiable(sym("LOCK_MM_AND_FIND_VMA")), "nothing in mm/ selects it");
    // With an arch that selects it: MMU does not enter its dependencies (the review's question
    // "is lock_mm_and_find_vma() missing for MMU && !LOCK_MM_AND_FIND_VMA" is about C, not
    // Kconfig).
    assertTrue(withArch.isSatisfiable(Expr.and(sym("MMU"), Expr.not(sym("LOCK_MM_AND_FIND_VMA")))));
    assertTrue(withArch.isSatisfiable(Expr.and(sym("MMU"), sym("LOCK_MM_AND_FIND_VMA"))));
    // An architecture whose stack grows up and that selects it anyway: Kconfig's unmet dependency.
    assertTrue(
        withArch.findings().stream()
            .anyMatch(
                f ->
                    f.rule().equals("kconfig/unmet-dependency")
                        && f.key().equals("ARCH_LIKE_X86 -> LOCK_MM_AND_FIND_VMA")),
        withArch.findings().toString());
  }

  @Test
  void tristateAllocatorsCanBeModulesOnlyWithModules() {
    Expr zbudModule = Expr.and(sym("ZBUD"), Expr.not(sym("~ZBUD=y")));
    assertTrue(withArch.isSatisfiable(zbudModule));
    assertFalse(withArch.isSatisfiable(Expr.and(zbudModule, Expr.not(sym("MODULES")))));
    // Z3FOLD follows Z3FOLD_DEPRECATED: default y if =y, m if =m.
    Expr deprecatedModule =
        Expr.and(sym("Z3FOLD_DEPRECATED"), Expr.not(sym("~Z3FOLD_DEPRECATED=y")));
    assertFalse(withArch.isSatisfiable(Expr.and(deprecatedModule, sym("~Z3FOLD=y"))));
    assertTrue(withArch.isSatisfiable(Expr.and(deprecatedModule, sym("Z3FOLD"))));
  }

  @Test
  void memoryModelChoiceHasExactlyOneMemberWhenSelectable() {
    Expr flat = sym("FLATMEM_MANUAL");
    Expr sparse = sym("SPARSEMEM_MANUAL");
    assertFalse(withArch.isSatisfiable(Expr.and(flat, sparse)));
    assertFalse(
        withArch.isSatisfiable(
            Expr.and(sym("SELECT_MEMORY_MODEL"), Expr.not(flat), Expr.not(sparse))));
    assertTrue(withArch.isSatisfiable(Expr.and(sym("SELECT_MEMORY_MODEL"), sparse)));
  }
}
