package dev.lockkit.golden.target;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.sched.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a scenario once on real, unscheduled threads: one {@link Thread} per task, started together
 * and joined, on whatever {@code Platform} is installed (lockcore's default, {@code JvmPlatform}).
 * A reported failure or an exception ends its task's thread with an uncaught {@link TaskFailure} or
 * the exception itself, so a thread-level tool sees it where it happened.
 *
 * <p>This is the scenario driver without the controlled scheduler, for an independent tool to
 * schedule: under Fray (the {@code fray} Maven profile) every thread start, park, atomic and lock
 * of the real platform is a scheduling point Fray chooses, so a scenario that passes golden's own
 * exploration but fails here exposes a difference between {@code ControlledPlatform} and the real
 * JVM protocol. Outside Fray it is a plain stress run. A target's own checks may be opt-in on the
 * real JVM: lockcore's use-after-free checks (poisoned objects) are its KASAN, off there unless
 * {@code -Dlockcore.kasan=true} or {@code Kasan.enable()}; under Fray's platform they always run.
 */
public final class RealThreads {

  private RealThreads() {}

  /** A failure the target reported, thrown on the reporting task's thread. */
  public static final class TaskFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    TaskFailure(String message) {
      super(message);
    }
  }

  /**
   * Boots {@code target} as {@code variant} and runs every task of {@code scenario} on its own
   * thread; returns the failures (WARN, BUG, lockdep, poisoned access reported through {@link
   * Events}, and exceptions thrown by a task), each as {@code KIND: message}, in report order.
   *
   * @throws InterruptedException if interrupted while joining the tasks
   */
  public static List<String> run(Scenario scenario, Variant variant, ScenarioTarget target)
      throws InterruptedException {
    return run(scenario, variant, target, () -> {});
  }

  /**
   * {@link #run(Scenario, Variant, ScenarioTarget)}, calling {@code afterTask} on each task's
   * thread when the task ends (normally or not): a platform that parks spinners until another
   * thread makes progress needs to see a task's exit as progress.
   */
  public static List<String> run(
      Scenario scenario, Variant variant, ScenarioTarget target, Runnable afterTask)
      throws InterruptedException {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Events events =
        new Events() {
          @Override
          public void event(String text) {
            // Traces are the controlled explorer's business; here only failures count.
          }

          @Override
          public void failure(Failure.Kind kind, String message) {
            // Fail fast on the reporting thread, as the controlled explorer ends the schedule: a
            // tool scheduling these threads (Fray) reports the uncaught error at once, instead of
            // the hang that often follows a lockdep report or a leaked lock.
            String text = kind + ": " + message;
            failures.add(text);
            throw new TaskFailure(text);
          }
        };
    int n = scenario.tasks().size();
    Machine machine = target.boot(variant, scenario.setup(), n, events);
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      int task = i;
      List<Op> ops = scenario.tasks().get(i);
      threads[i] =
          new Thread(
              () -> {
                try {
                  machine.enterTask(task);
                  for (Op op : ops) {
                    machine.perform(task, op);
                  }
                } catch (TaskFailure e) {
                  throw e;
                } catch (RuntimeException | AssertionError e) {
                  failures.add(Failure.Kind.UNCAUGHT_EXCEPTION + ": T" + task + ": " + e);
                  throw e;
                } finally {
                  afterTask.run();
                }
              },
              "T" + i);
    }
    for (Thread t : threads) {
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    machine.snapshot();
    return List.copyOf(failures);
  }
}
