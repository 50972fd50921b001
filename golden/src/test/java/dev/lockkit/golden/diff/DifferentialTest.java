package dev.lockkit.golden.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.ToyOps;
import dev.lockkit.golden.target.ToyTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferentialTest {

  private static final List<Variant> VARIANTS =
      List.of(new Variant(Set.of()), new Variant(Set.of("STATS")));

  private static Scenario scenario() {
    return Scenario.builder("fault-and-munmap")
        .explore(new Mode.Exhaustive(1, 10_000))
        .setup(new ToyOps.ToyVma(0x10000, 0x20000, "rw-"))
        .task(t -> t.op(new ToyOps.Fault(0x10000, false, true)))
        .task(t -> t.op(new ToyOps.Munmap(0x10000, 0x20000)))
        .build();
  }

  @Test
  void twoCopiesOfTheSameImplementationHaveNoDifferenceOnAnyVariant() {
    assertEquals(
        List.of(),
        Differential.compare(
            List.of(scenario()), VARIANTS, new ToyTarget(false), new ToyTarget(false)));
  }

  @Test
  void anImplementationThatSkipsTheLockDiffersAndTheFirstDifferingEventIsReportedPerVariant() {
    List<Differential.Difference> d =
        Differential.compare(
            List.of(scenario()), VARIANTS, new ToyTarget(false), new ToyTarget(true));
    assertEquals(2, d.size(), d.toString());
    assertEquals(List.of("none", "STATS"), d.stream().map(x -> x.variant().id()).toList());
    Differential.Difference first = d.get(0);
    // the locked fault traces "lock acquired" first; the lockless one goes straight to its result
    assertEquals(
        "outcome 1, replaying " + first.section().substring(first.section().indexOf("T")),
        first.section());
    assertEquals("T0: lock acquired", first.left());
    assertEquals("T0: fault 0x10000 read user = VM_FAULT_COMPLETED", first.right());
    String line = first.describe("before", "after");
    assertTrue(line.startsWith("fault-and-munmap on none: first difference at line "), line);
  }

  @Test
  void equalTextsHaveNoFirstDifferenceAndAShorterTextDiffersAtItsEnd() {
    Variant v = new Variant(Set.of());
    assertNull(Differential.firstDifference("s", v, "a\nb\n", "a\nb\n"));
    Differential.Difference d = Differential.firstDifference("s", v, "a\nb", "a");
    assertEquals(2, d.line());
    assertEquals("b", d.left());
    assertEquals("<end>", d.right());
  }
}
