package dev.lockkit.golden.fray;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.lockcore.config.HistoricalBug;
import java.util.List;
import java.util.function.Predicate;

/**
 * How to show one historical bug: the fixture scenario that exposes it, which variants to run it on
 * and the text its failure report must contain. Keyed by the bug's name, so that a bug added to
 * lockcore without a case here fails the Fray run instead of being skipped silently.
 *
 * @param bug the switch
 * @param scenario the fixture scenario
 * @param where which variants (on top of the scenario's selector)
 * @param expected text the failure must contain
 * @param label how the case is shown
 */
record BugCase(
    HistoricalBug bug, String scenario, Predicate<Variant> where, String expected, String label) {

  /** The cases of {@code bug}; throws for a bug this table does not know yet. */
  static List<BugCase> of(HistoricalBug bug) {
    return switch (bug.name()) {
      case "STACKROT" ->
          List.of(
              new BugCase(
                  bug,
                  "stack-expansion-growsdown",
                  v -> v.isEnabled("LOCK_MM_AND_FIND_VMA") && !v.isEnabled("PER_VMA_LOCK"),
                  "POISONED_ACCESS",
                  "StackRot"));
      case "NOMMU_LOCK_LEAK" ->
          List.of(
              new BugCase(
                  bug,
                  "nommu-faults",
                  v -> v.isEnabled("DEBUG_LOCK_ALLOC"),
                  "LOCKDEP",
                  "NOMMU lock leak, lockdep on"),
              new BugCase(
                  bug,
                  "nommu-faults",
                  v -> !v.isEnabled("DEBUG_LOCK_ALLOC"),
                  "eadlock",
                  "NOMMU lock leak, lockdep off"));
      case "FORK_WITHOUT_VMA_LOCK" ->
          List.of(
              new BugCase(
                  bug,
                  "fork-racing-vma-locked-fault",
                  v -> v.isEnabled("DEBUG_LOCK_ALLOC"),
                  "WARN",
                  "fork without VMA write locks"));
      case "VMA_REUSE_WITHOUT_MM_CHECK" ->
          List.of(
              new BugCase(
                  bug,
                  "vma-reuse-mm-freed",
                  v -> v.isEnabled("DEBUG_LOCK_ALLOC"),
                  "POISONED_ACCESS",
                  "VMA reuse without the vm_mm check"));
      default ->
          throw new IllegalStateException(
              "no Fray case for historical bug " + bug + ": add one to BugCase");
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
