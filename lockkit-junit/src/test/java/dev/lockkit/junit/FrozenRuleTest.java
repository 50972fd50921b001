package dev.lockkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Adopting a rule on a codebase that already breaks it: the frozen-violation store. */
class FrozenRuleTest {

  @TempDir Path dir;

  @Test
  void aMissingStoreIsCreatedFromTodaysFindingsAndTheRulePasses() throws IOException {
    Path store = dir.resolve("frozen.txt");
    LockkitRules.configGating().frozen(store, false).check(LockkitRulesTest.broken());
    List<String> keys = keys(store);
    assertFalse(keys.isEmpty());
    assertTrue(
        keys.stream().allMatch(k -> k.startsWith("gate/") || k.startsWith("kconfig/")),
        keys.toString());
    assertTrue(Files.readString(store).startsWith("# lockkit baseline v1"), "baseline format");
  }

  @Test
  void violationsInTheStorePassAndNewOnesFail() throws IOException {
    Path store = dir.resolve("frozen.txt");
    // The store of the clean shop knows no violation, so every finding of the broken one is new.
    LockkitRules.noPackageCycles().frozen(store, false).check(LockkitRulesTest.clean());
    assertEquals(List.of(), keys(store));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                LockkitRules.noPackageCycles()
                    .frozen(store, false)
                    .check(LockkitRulesTest.broken()));
    assertTrue(e.getMessage().contains("[cycle/package]"), e.getMessage());
  }

  @Test
  void onCiAMissingStoreIsAFailureAndNothingIsWritten() {
    Path store = dir.resolve("frozen.txt");
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> LockkitRules.configGating().frozen(store, true).check(LockkitRulesTest.broken()));
    assertTrue(e.getMessage().contains("never created on CI"), e.getMessage());
    assertFalse(Files.exists(store));
  }

  @Test
  void fixedViolationsLeaveTheStoreAndOtherRulesEntriesStay() throws IOException {
    Path store = dir.resolve("frozen.txt");
    Files.writeString(
        store,
        "# lockkit baseline v1\n"
            + "cycle/package|com.example.gone -> com.example.fixed\n"
            + "layer/forbidden|some.other -> rule.entry\n");
    LockkitRules.noPackageCycles().frozen(store, false).check(LockkitRulesTest.clean());
    assertEquals(List.of("layer/forbidden|some.other -> rule.entry"), keys(store));
  }

  @Test
  void onCiTheStoreIsNeverRewritten() throws IOException {
    Path store = dir.resolve("frozen.txt");
    String text = "# lockkit baseline v1\ncycle/package|com.example.gone -> com.example.fixed\n";
    Files.writeString(store, text);
    LockkitRules.noPackageCycles().frozen(store, true).check(LockkitRulesTest.clean());
    assertEquals(text, Files.readString(store));
  }

  private static List<String> keys(Path store) throws IOException {
    return Files.readAllLines(store).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .toList();
  }
}
