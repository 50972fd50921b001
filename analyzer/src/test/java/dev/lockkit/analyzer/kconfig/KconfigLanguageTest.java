package dev.lockkit.analyzer.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.pc.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's Kconfig constructs, each against the value Kconfig itself would compute. */
class KconfigLanguageTest {
  @TempDir Path dir;

  private FeatureModel model(String text) throws IOException, KconfigException {
    return model(text, KconfigOptions.DEFAULT);
  }

  private FeatureModel model(String text, KconfigOptions options)
      throws IOException, KconfigException {
    Path k = dir.resolve("Kconfig");
    Files.writeString(k, text);
    return KconfigParser.parse(k, null, options);
  }

  private static Expr s(String name) {
    return Expr.sym(name);
  }

  /** {@code name} is m: present, not y. */
  private static Expr isM(String name) {
    return Expr.and(s(name), Expr.not(s("~" + name + "=y")));
  }

  private static SortedMap<String, Boolean> config(Object... pairs) {
    SortedMap<String, Boolean> c = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      c.put((String) pairs[i], (Boolean) pairs[i + 1]);
    }
    return c;
  }

  private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tmodules\n";

  @Test
  void dependsOnATristateAtMLimitsTheDependentToM() throws Exception {
    FeatureModel m =
        model(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on A\n");
    assertTrue(m.isSatisfiable(Expr.and(isM("A"), isM("B"))));
    assertFalse(m.isSatisfiable(Expr.and(isM("A"), s("~B=y"))), "B <= A = m");
    assertTrue(m.isSatisfiable(Expr.and(s("~A=y"), s("~B=y"))));
    assertFalse(m.isSatisfiable(Expr.and(Expr.not(s("A")), s("B"))));
  }

  @Test
  void notOfAModuleIsStillM() throws Exception {
    // The kernel's "depends on FOO || !FOO" idiom and plain "depends on !FOO": !m = m.
    FeatureModel m =
        model(
            MODULES + "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on !A\n");
    assertTrue(m.isSatisfiable(Expr.and(isM("A"), isM("B"))), "!A is m when A is m");
    assertFalse(m.isSatisfiable(Expr.and(isM("A"), s("~B=y"))));
    assertFalse(m.isSatisfiable(Expr.and(s("~A=y"), s("B"))), "!y is n");
  }

  @Test
  void withoutModulesATristateIsYOrN() throws Exception {
    FeatureModel m =
        model(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\tdef_tristate m\n\tdepends on A\n");
    assertFalse(m.isSatisfiable(Expr.and(Expr.not(s("MODULES")), isM("A"))));
    // def_tristate m is m && MODULES: n without modules, m with them (when A allows).
    assertFalse(m.isSatisfiable(Expr.and(Expr.not(s("MODULES")), s("B"))));
    assertTrue(m.isSatisfiable(Expr.and(s("MODULES"), s("~A=y"), isM("B"))));
    assertFalse(m.isSatisfiable(Expr.and(s("MODULES"), s("A"), Expr.not(s("B")))));
    FeatureModel none = model("config A\n\ttristate \"a\"\n");
    assertFalse(none.isSatisfiable(isM("A")), "no modules symbol: m is unavailable");
  }

  @Test
  void aBoolDependingOnAModuleMayBeY() throws Exception {
    FeatureModel m =
        model(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on A\n");
    assertTrue(m.isSatisfiable(Expr.and(isM("A"), s("B"))), "a bool rounds m up to y");
  }

  @Test
  void presenceIsWhatConfigurationsShow() throws Exception {
    FeatureModel m = model(MODULES + "config A\n\ttristate \"a\"\n");
    assertEquals(List.of("A", "MODULES"), List.copyOf(m.symbolNames()));
    assertTrue(m.variables().contains("~A=y"));
    // n, m or y for A, modules on or off: A present or not, each once.
    assertEquals(
        List.of(
            config("A", false, "MODULES", false),
            config("A", false, "MODULES", true),
            config("A", true, "MODULES", false),
            config("A", true, "MODULES", true)),
        m.allValidConfigurations());
    assertTrue(m.isValid(config("A", true, "MODULES", false)));
    assertEquals(Map.of("A", true, "MODULES", false), m.witness(s("A")).orElseThrow());
  }

  @Test
  void choiceHasExactlyOneMemberWhenItsDependenciesHold() throws Exception {
    FeatureModel m =
        model(
            """
            config E
            \tbool "e"
            choice
            \tprompt "pick"
            \tdepends on E
            \tdefault B
            config A
            \tbool "a"
            config B
            \tbool "b"
            config C
            \tbool "c"
            \tdepends on A
            endchoice
            """);
    // C depends on A, a member of the same choice: C can never be chosen.
    assertEquals(
        List.of(
            config("A", false, "B", false, "C", false, "E", false),
            config("A", false, "B", true, "C", false, "E", true),
            config("A", true, "B", false, "C", false, "E", true)),
        m.allValidConfigurations());
  }

  @Test
  void optionalChoiceMayHaveNoMember() throws Exception {
    FeatureModel m =
        model(
            "choice\n\tprompt \"p\"\n\toptional\nconfig A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\nendchoice\n");
    assertEquals(3, m.allValidConfigurations().size());
    assertTrue(m.isSatisfiable(Expr.and(Expr.not(s("A")), Expr.not(s("B")))));
  }

  @Test
  void valueSymbolsAreReadButNotModelledAndSaidSo() throws Exception {
    FeatureModel m =
        model(
            """
            config NR_CPUS
            \tint "cpus"
            \trange 2 512
            \tdefault 8
            config BASE
            \thex
            \tdefault 0x1000
            config NAME
            \tstring "name"
            \tdefault "x"
            config SPLIT
            \tdef_bool y
            \tdepends on NR_CPUS >= 4
            config ALWAYS
            \tdef_bool y
            \tdepends on 4 > 2
            """);
    assertEquals(List.of("ALWAYS", "SPLIT"), List.copyOf(m.symbolNames()));
    assertTrue(m.isSatisfiable(s("SPLIT")));
    assertTrue(m.isSatisfiable(Expr.not(s("SPLIT"))), "NR_CPUS >= 4 is free");
    assertFalse(m.isSatisfiable(Expr.not(s("ALWAYS"))), "a comparison of constants is evaluated");
    Finding note = only(m, "kconfig/values-ignored");
    assertTrue(
        note.message().startsWith("3 int/hex/string symbol(s) and 1 comparison"), note.message());
  }

  @Test
  void implyAndConditionalSelectAndDefault() throws Exception {
    FeatureModel m =
        model(
            """
            config A
            \tbool "a"
            \tselect S if B
            \timply I
            config B
            \tbool "b"
            config S
            \tbool
            config I
            \tbool "i"
            config D
            \tbool
            \tdefault y if A && !B
            """);
    assertFalse(m.isSatisfiable(Expr.and(s("A"), s("B"), Expr.not(s("S")))));
    assertTrue(m.isSatisfiable(Expr.and(s("A"), Expr.not(s("B")), Expr.not(s("S")))));
    assertTrue(
        m.isSatisfiable(Expr.and(s("A"), Expr.not(s("I")))), "a visible implied symbol stays free");
    assertFalse(m.isSatisfiable(Expr.and(s("A"), Expr.not(s("B")), Expr.not(s("D")))));
    assertFalse(m.isSatisfiable(Expr.and(s("B"), s("D"))));
  }

  @Test
  void visibleIfHidesPromptsSoDefaultsDecide() throws Exception {
    FeatureModel m =
        model(
            """
            config EXPERT
            \tbool "expert"
            menu "tuning"
            \tvisible if EXPERT
            config KNOB
            \tbool "knob"
            \tdefault y
            endmenu
            """);
    assertFalse(m.isSatisfiable(Expr.and(Expr.not(s("EXPERT")), Expr.not(s("KNOB")))));
    assertTrue(m.isSatisfiable(Expr.and(s("EXPERT"), Expr.not(s("KNOB")))));
  }

  @Test
  void dependenciesOfMenusChoicesAndIfsReachTheirEntries() throws Exception {
    FeatureModel m =
        model(
            """
            mainmenu "test"
            config A
            \tbool "a"
            config B
            \tbool "b"
            menuconfig M
            \tbool "m"
            if M
            menu "inner"
            \tdepends on A
            comment "only a comment"
            \tdepends on B
            choice
            \tprompt "c"
            \tdepends on B
            config X
            \tbool "x"
            \t---help---
            \t  old-style help
            endchoice
            endmenu
            endif
            """);
    assertEquals("M && A && B", m.symbol("X").orElseThrow().dependencies().toString());
    assertTrue(m.symbol("X").orElseThrow().help().contains("old-style help"));
    assertFalse(m.isSatisfiable(Expr.and(s("M"), s("A"), s("B"), Expr.not(s("X")))));
  }

  @Test
  void aSymbolDefinedTwiceMergesItsDefinitions() throws Exception {
    FeatureModel m =
        model(
            "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\nconfig S\n\tbool \"s\"\n\tdepends on A\n"
                + "config S\n\tbool\n\tdepends on B\n\tdefault y\n");
    assertEquals("A || B", m.symbol("S").orElseThrow().dependencies().toString());
    assertFalse(m.isSatisfiable(Expr.and(Expr.not(s("A")), s("B"), Expr.not(s("S")))));
    assertTrue(m.isSatisfiable(Expr.and(s("A"), s("B"), Expr.not(s("S")))), "visible through A");
  }

  @Test
  void transitionalAndOptionModulesAreAccepted() throws Exception {
    FeatureModel m =
        model(
            "config MODULES\n\tbool \"m\"\n\toption modules\nconfig OLD\n\tbool\n\ttransitional\n"
                + "config T\n\ttristate \"t\"\n\tdepends on OLD || !OLD\n");
    assertTrue(m.isSatisfiable(isM("T")));
  }

  @Test
  void sourceWithAVariableFromTheCommandLineRelativeToTheTree() throws Exception {
    Files.createDirectories(dir.resolve("arch/x86"));
    Files.writeString(dir.resolve("arch/x86/Kconfig"), "config X86\n\tdef_bool y\n");
    Files.createDirectories(dir.resolve("mm"));
    Files.writeString(dir.resolve("mm/Kconfig"), "config MM\n\tdef_bool X86\n");
    String top = "source \"arch/$(SRCARCH)/Kconfig\"\nsource \"mm/Kconfig\"\n";
    FeatureModel m = model(top, KconfigOptions.DEFAULT.withAssignment("SRCARCH=x86"));
    assertEquals(List.of("MM", "X86"), List.copyOf(m.symbolNames()));
    KconfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(KconfigException.class, () -> model(top));
    assertTrue(e.getMessage().contains("uses $(SRCARCH), which is not set"), e.getMessage());
    assertTrue(e.getMessage().contains("--kconfig-var SRCARCH=VALUE"), e.getMessage());
  }

  @Test
  void macroAssignmentsExpandAndToolchainProbesAreFree() throws Exception {
    FeatureModel m =
        model(
            """
            comma := ,
            greeting = hello$(comma) $(1)
            success = $(shell,{ $(1); } >/dev/null 2>&1 && echo y || echo n)
            cc-option = $(success,$(CC) -Werror $(1) -c -x c /dev/null -o /dev/null)
            config CC_HAS_FOO
            \tdef_bool $(cc-option,-mfoo)
            config WANTS_FOO
            \tbool "$(greeting,world)"
            \tdepends on CC_HAS_FOO
            config PROBE_IS_N
            \tdef_bool y
            \tdepends on $(success,false) = n
            """);
    assertTrue(m.isSatisfiable(s("CC_HAS_FOO")));
    assertTrue(m.isSatisfiable(Expr.not(s("CC_HAS_FOO"))));
    assertEquals("hello, world", m.symbol("WANTS_FOO").orElseThrow().prompt().orElseThrow());
    Finding note = only(m, "kconfig/unknown-macro");
    assertTrue(note.message().startsWith("2 macro call(s) need a toolchain"), note.message());
    assertEquals(6, note.location().line());
  }

  @Test
  void undefinedSymbolsAreFreeWhenAskedAndListed() throws Exception {
    FeatureModel m =
        model(
            "config PER_VMA_LOCK\n\tdef_bool y\n\tdepends on ARCH_SUPPORTS_PER_VMA_LOCK && MMU\n",
            KconfigOptions.DEFAULT.withFreeUndefined(true));
    assertEquals(
        List.of("ARCH_SUPPORTS_PER_VMA_LOCK", "MMU", "PER_VMA_LOCK"), List.copyOf(m.symbolNames()));
    assertFalse(m.isSatisfiable(Expr.and(s("PER_VMA_LOCK"), Expr.not(s("MMU")))));
    Finding note = only(m, "kconfig/undefined-symbol");
    assertTrue(note.message().contains("ARCH_SUPPORTS_PER_VMA_LOCK, MMU"), note.message());
  }

  @Test
  void unsupportedConstructsAreNamedAndTheRestIsRead() throws Exception {
    FeatureModel m =
        model(
            "config A\n\tbool \"a\"\n\toption defconfig_list\nsource \"arch/*/Kconfig\"\n"
                + "config B\n\tbool \"b\"\n");
    List<Finding> unsupported =
        m.findings().stream().filter(f -> f.rule().equals("kconfig/unsupported")).toList();
    assertEquals(2, unsupported.size(), unsupported.toString());
    assertEquals(3, unsupported.get(0).location().line());
    assertTrue(unsupported.get(0).message().contains("'option defconfig_list'"));
    assertTrue(unsupported.get(1).message().contains("wildcard"));
    assertEquals(List.of("A", "B"), List.copyOf(m.symbolNames()));
  }

  private static Finding only(FeatureModel m, String rule) {
    List<Finding> fs = m.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    assertEquals(1, fs.size(), m.findings().toString());
    return fs.get(0);
  }
}
