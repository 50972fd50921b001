package dev.lockkit.analyzer.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.gating.Fixtures;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VariantBuilderTest {
  private static VariantBuilder clean;

  @BeforeAll
  static void build() {
    clean = new VariantBuilder(Fixtures.roots("clean")).guards(Fixtures.GUARDS);
  }

  private static SortedMap<String, Boolean> config(String... on) {
    SortedMap<String, Boolean> c = new TreeMap<>();
    for (String s : on) {
      c.put(s, true);
    }
    return c;
  }

  private static String body(String source, String method) {
    int at = source.indexOf(" " + method + "(");
    int end = source.indexOf("\n    }\n", at);
    return source.substring(at, end).replaceAll("\\s+", " ");
  }

  @Test
  void typeWhoseConditionIsFalseIsNotPartOfTheVariant() {
    assertFalse(clean.materialise(config("MMU")).containsKey("fx/mm/VmaLock.java"));
    assertTrue(
        clean
            .materialise(config("MMU", "SMP", "ARCH_SUPPORTS_PER_VMA_LOCK", "PER_VMA_LOCK"))
            .containsKey("fx/mm/VmaLock.java"));
  }

  @Test
  void guardsFoldToTheirBranchAndEarlyExitsDropTheRestOfTheBlock() {
    String off = clean.materialise(config("MMU")).get("fx/mm/Callers.java");
    assertEquals(" earlyExit(Config c, long address) { { return -1; }", body(off, "earlyExit"));
    assertEquals(" ifElse(Config c, long address) { { return -1; }", body(off, "ifElse"));
    assertEquals(" conditional(Config c, long address) { return 0;", body(off, "conditional"));
    assertEquals(
        " throwing(Config c) { { throw new IllegalStateException(\"no per-VMA locks\"); }",
        body(off, "throwing"));
    assertFalse(off.contains("VmaLock"), off);

    Map<String, String> on =
        clean.materialise(config("MMU", "SMP", "ARCH_SUPPORTS_PER_VMA_LOCK", "PER_VMA_LOCK"));
    String callers = on.get("fx/mm/Callers.java");
    assertEquals(
        " earlyExit(Config c, long address) { int r = VmaLock.startRead(address); return r + VmaLock.stats();",
        body(callers, "earlyExit"));
    assertEquals(
        " shortCircuit(Config c, long address) { return VmaLock.startRead(address) > 0;",
        body(callers, "shortCircuit"));
    assertFalse(on.get("fx/mm/VmaLock.java").contains("depMap"), "DEBUG_LOCK_ALLOC is off");
  }

  @Test
  void everyVariantOfTheCleanTreeCompiles() throws Exception {
    var model = dev.lockkit.analyzer.kconfig.KconfigParser.parse(Fixtures.kconfig("clean"));
    for (VariantBuilder.Result r : clean.buildAll(model.allValidConfigurations())) {
      assertTrue(r.compiles(), r.config() + " " + r.errors());
    }
  }

  @Test
  void compilerErrorsNameTheOriginalFileAndLineAndTheSymbol() {
    VariantBuilder b =
        new VariantBuilder(Fixtures.roots("unguarded-reference")).guards(Fixtures.GUARDS);
    VariantBuilder.Result r = b.build(config("MMU"));
    assertFalse(r.compiles());
    assertEquals(1, r.errors().size(), r.errors().toString());
    String e = r.errors().get(0);
    // Memory.java:16 calls lockMmAndFindVma(), which MMU && !LOCK_MM_AND_FIND_VMA deletes: the
    // error is at that line of the user's file, not at the line of Spoon's reprint.
    assertTrue(
        e.startsWith("src/test/resources/gating/unguarded-reference/src/fx/mm/Memory.java:16: "),
        e);
    assertTrue(e.contains("cannot find symbol") && e.contains("lockMmAndFindVma"), e);
  }
}
