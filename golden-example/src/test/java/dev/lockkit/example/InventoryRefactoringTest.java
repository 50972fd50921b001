package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two buyers, one item. The refactoring ({@code before} to {@code after}: a rename and an extracted
 * constant) keeps the approved text byte for byte; narrowing the lock ({@code narrowed}) is caught.
 */
class InventoryRefactoringTest {

  static Golden.Spec<dev.lockkit.example.before.Inventory> before() {
    return Golden.of(dev.lockkit.example.before.Inventory::new)
        .actor(i -> i.buy())
        .actor(i -> i.buy())
        .arbiter(i -> i.state());
  }

  static Golden.Spec<dev.lockkit.example.after.Inventory> after() {
    return Golden.of(dev.lockkit.example.after.Inventory::new)
        .actor(i -> i.takeOne())
        .actor(i -> i.takeOne())
        .arbiter(i -> i.state());
  }

  static Golden.Spec<dev.lockkit.example.narrowed.Inventory> narrowed() {
    return Golden.of(dev.lockkit.example.narrowed.Inventory::new)
        .actor(i -> i.buy())
        .actor(i -> i.buy())
        .arbiter(i -> i.state());
  }

  @GoldenTest
  void beforeTheRefactoring() {
    before().verify();
  }

  @GoldenTest
  void afterTheRefactoring() {
    after().verify();
  }

  @Test
  void theRefactoringKeepsTheApprovedTextByteForByte() throws Exception {
    Path dir = Path.of("src/test/java/dev/lockkit/example");
    String a =
        Files.readString(dir.resolve("InventoryRefactoringTest.beforeTheRefactoring.approved.txt"));
    String b =
        Files.readString(dir.resolve("InventoryRefactoringTest.afterTheRefactoring.approved.txt"));
    assertTrue(a.contains("stock=0 sold=1"), a);
    assertEquals(a, b);
  }

  @GoldenTest
  void theDifferentialFindsNoDifferenceAfterTheRefactoring() {
    Golden.differential(before(), after());
  }

  @GoldenTest
  void theDifferentialCatchesTheNarrowedLock() {
    GoldenFailure f =
        assertThrows(GoldenFailure.class, () -> Golden.differential(before(), narrowed()));
    assertTrue(
        f.getMessage().startsWith("differential: outcome 'stock=-1 sold=2' is reached by after"),
        f.getMessage());
  }
}
