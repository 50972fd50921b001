package dev.lockkit.golden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code golden diff}: targets by name or by service, first differing event per pair. */
class DiffCommandTest extends CommandFixture {

  @Test
  void twoRunsOfTheSameTargetDoNotDiffer() {
    Run r = golden("diff", "--left", "toy", "--right", "toy");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("4 scenario × variant pairs compared, 0 differ (toy vs toy)"), r.out());
  }

  @Test
  void aServiceTargetIsFoundByNameAndItsFirstDifferingEventPrinted() {
    Run r = golden("diff", "--left", "toy", "--right", "toy-lockless-service");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("fault-vs-munmap on MMU: first difference at line "), r.out());
    assertTrue(r.out().contains("(outcome 1, replaying "), r.out());
    assertTrue(r.out().contains("): toy '"), r.out());
  }

  @Test
  void anUnknownTargetIsAUsageErrorListingTheKnownOnes() {
    Run r = golden("diff", "--left", "toy", "--right", "nosuch");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown target 'nosuch' (known: "), r.err());
    assertTrue(r.err().contains("toy-lockless-service"), r.err());
  }

  @Test
  void aTargetIsLoadedByItsFullyQualifiedClassNameFromTheClassPath() {
    Run r = golden("diff", "--left", "toy", "--right", "dev.lockkit.golden.cli.LocklessToyService");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("fault-vs-munmap on MMU: first difference at line "), r.out());
  }

  @Test
  void aClassNameThatIsNotATargetIsAUsageErrorSayingWhy() {
    Run missing = golden("diff", "--left", "toy", "--right", "com.acme.NoSuchTarget");
    assertEquals(2, missing.code());
    assertTrue(
        missing.err().contains("target class com.acme.NoSuchTarget is not on the class path"),
        missing.err());
    Run notATarget = golden("diff", "--left", "toy", "--right", "java.lang.String");
    assertEquals(2, notATarget.code());
    assertTrue(
        notATarget
            .err()
            .contains(
                "target class java.lang.String does not implement"
                    + " dev.lockkit.golden.target.ScenarioTarget"),
        notATarget.err());
  }

  /** A target whose vocabulary is not the toy's: it cannot perform the toy's scenarios. */
  static final class HitsOnly implements ScenarioTarget {
    @Override
    public String name() {
      return "hits-only";
    }

    @Override
    public Operations operations() {
      return Operations.of("hit PAGE");
    }

    @Override
    public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
      throw new AssertionError("never booted: the scenario is refused first");
    }
  }

  @Test
  void aRightTargetWithAnotherVocabularyIsRefusedNamingTheLineItCannotRead() {
    Targets.register("hits-only", HitsOnly::new);
    Run r = golden("diff", "--left", "toy", "--right", "hits-only");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("is not an operation of target hits-only (it declares hit)"), r.err());
    assertEquals("", r.out(), "no comparison is printed after bad input");
  }
}
