package dev.lockkit.golden.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.sched.PlatformStats;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JvmExplorerTest {

  static JvmExplorer.Result run(String method) throws Exception {
    InstrumentingLoader loader =
        new InstrumentingLoader(
            JvmExplorerTest.class.getClassLoader(), List.of("dev.lockkit.golden.jvmcases"));
    Class<?> cases = loader.loadClass("dev.lockkit.golden.jvmcases.Cases");
    return (JvmExplorer.Result) cases.getMethod(method).invoke(null);
  }

  static String outcomes(JvmExplorer.Result r) {
    return r.exploration().outcomes().stream()
        .map(o -> o.text().lines().findFirst().orElse(""))
        .collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "plainCounter; n=1 | n=2",
        "syncCounter; n=2",
        "atomicCounter; n=2",
        "checkThenAct; created=1 | created=2",
        "merge; k={k=2}",
        "wakeUpCorrect; seen=ready",
        "executorRace; done=1 | done=2",
        "condition; got=x",
        "readWrite; read=0 value=1 | read=1 value=1",
        "parkUnpark; seen=true",
        "staticSync; n=2",
        "latch; seen=1",
        "tryLock; acquired=1",
        "replayLostUpdate; n=1",
      })
  void findsExactlyTheOutcomesOfEachUnmodifiedCase(String method, String expected)
      throws Exception {
    JvmExplorer.Result r = run(method);
    System.out.println(
        method
            + ": "
            + r.exploration().schedules()
            + " schedules, "
            + r.exploration().coverage()
            + " "
            + r.caveats());
    assertEquals(expected, outcomes(r));
    assertTrue(r.trustworthy(), r.toString());
  }

  @Test
  void reusesItsTaskThreadsAcrossSchedulesAndEndsThemAfterwards() throws Exception {
    long before = liveTaskThreads(); // a hang elsewhere in this JVM may leave its thread stuck
    JvmExplorer.Result r = run("executorRace");
    PlatformStats s = r.stats();
    // Every schedule, re-checks included, hands the turn over at least once per task.
    assertTrue(s.schedules() >= r.exploration().schedules(), s.toString());
    assertTrue(s.handoffs() >= 2 * s.schedules(), s.toString());
    assertTrue(s.handoffNanos() > 0 && s.handoffNanos() <= s.runNanos(), s.toString());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (liveTaskThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(before, liveTaskThreads(), "task threads left after the exploration");
  }

  private static long liveTaskThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t instanceof TaskThread && t.isAlive())
        .count();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"abba; every task is blocked", "lostWakeUp; lost wake-up"})
  void reportsBlockingBugsWithTheirSchedule(String method, String kind) throws Exception {
    JvmExplorer.Result r = run(method);
    System.out.println(r.exploration().goldenText());
    assertTrue(outcomes(r).contains(kind), outcomes(r));
  }
}
