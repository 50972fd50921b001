package dev.lockkit.analyzer.sat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsatCoresTest {
  @Test
  void refutesEveryConjunctionContainingARecordedCore() {
    UnsatCores cores = new UnsatCores();
    cores.add(new int[] {-3, 2}, List.of(-3, 1, 2));
    assertTrue(cores.refutes(List.of(-3, 2)));
    assertTrue(cores.refutes(List.of(-5, -3, 2, 7)));
    assertFalse(cores.refutes(List.of(-3, 1)));
    assertFalse(cores.refutes(List.of(2, 3)));
  }

  @Test
  void keepsNothingThatIsNotPartOfTheRefutedConjunction() {
    UnsatCores cores = new UnsatCores();
    cores.add(new int[] {4}, List.of(1, 2));
    cores.add(new int[0], List.of(1, 2));
    cores.add(null, List.of(1, 2));
    assertFalse(cores.refutes(List.of(1, 2, 4)));
  }

  @Test
  void forgetsCoresWhenCleared() {
    UnsatCores cores = new UnsatCores();
    cores.add(new int[] {1}, List.of(1));
    cores.clear();
    assertFalse(cores.refutes(List.of(1)));
  }
}
