package dev.lockkit.golden.lockcore.fray;

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
 * @param frayFinds whether Fray is expected to find it within its iteration budget; false only for
 *     a bug whose race is deeper than Fray's random schedulers reach (see golden/README.md), which
 *     then still runs under Fray and must raise no other failure, and whose case still drives
 *     golden's own engines in {@code EngineComparisonFrayTest}
 */
record BugCase(
    HistoricalBug bug,
    String scenario,
    Predicate<Variant> where,
    String expected,
    String label,
    boolean frayFinds) {

  /** A case Fray is expected to find. */
  BugCase(
      HistoricalBug bug, String scenario, Predicate<Variant> where, String expected, String label) {
    this(bug, scenario, where, expected, label, true);
  }

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
                  "VMA reuse without the vm_mm check",
                  // Four preemptions at exact places: Fray's POS and PCT (3 change points) found
                  // nothing in 20,000 iterations each; golden finds it only with a focused search.
                  false));
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
