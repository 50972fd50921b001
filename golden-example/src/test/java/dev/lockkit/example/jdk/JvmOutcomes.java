package dev.lockkit.example.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.util.List;
import java.util.stream.Collectors;

/** What the jdk examples assert of an exploration: its outcomes, complete coverage, replay. */
final class JvmOutcomes {
  private JvmOutcomes() {}

  static String outcomes(JvmExplorer.Result r) {
    return r.exploration().outcomes().stream()
        .map(o -> o.text().lines().findFirst().orElse(""))
        .collect(Collectors.joining(" | "));
  }

  /** {@link #outcomes}, sorted: for runs whose outcome order is not the point. */
  static String sortedOutcomes(JvmExplorer.Result r) {
    return r.exploration().outcomes().stream()
        .map(o -> o.text().lines().findFirst().orElse(""))
        .sorted()
        .collect(Collectors.joining(" | "));
  }

  static Exploration.Outcome outcome(JvmExplorer.Result r, String prefix) {
    List<Exploration.Outcome> found =
        r.exploration().outcomes().stream().filter(o -> o.text().startsWith(prefix)).toList();
    assertEquals(1, found.size(), "one outcome starting '" + prefix + "' in " + outcomes(r));
    return found.get(0);
  }

  static void assertCompleteAndTrusted(JvmExplorer.Result r) {
    assertTrue(r.exploration().complete(), r.exploration().coverage());
    assertTrue(r.exploration().coverage().startsWith("complete"), r.exploration().coverage());
    assertTrue(r.trustworthy(), r.toString());
    assertEquals(List.of(), r.caveats());
  }

  /** The outcome's first schedule, pasted into replay, gives the same outcome and trace. */
  static void assertReplays(Golden.Spec<?> test, Exploration.Outcome o) {
    String text;
    String trace;
    try {
      Exploration.Outcome again = test.replay(o.first().toString()).exploration().outcomes().get(0);
      text = again.text();
      trace = again.firstTrace();
    } catch (GoldenFailure f) {
      text = f.reached().get(0).text();
      trace = f.reached().get(0).trace();
    }
    assertEquals(o.text(), text);
    assertEquals(o.firstTrace(), trace);
  }
}
