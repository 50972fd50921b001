package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.DecisionContext;
import dev.lockkit.golden.sched.ScheduleRun;
import dev.lockkit.golden.sched.Strategy;
import java.util.Random;

/**
 * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): each schedule gives the tasks
 * distinct random priorities above {@code d}, and picks {@code d - 1} random steps at which the
 * running task drops to a low priority ({@code d-2}, then {@code d-3}...). The highest-priority
 * enabled task always runs. A bug of depth d is found with probability at least 1/(n k^(d-1)) per
 * schedule for n tasks and k steps. The step count k is estimated from the longest schedule seen so
 * far. All randomness comes from one {@link Random} seeded once, so a seed reproduces the run.
 */
final class PctStrategy implements Strategy {

  private final Random random;
  private final int depth;
  private int maxSteps = 32;
  private int[] priority;
  private int[] changeAt;

  PctStrategy(long seed, int depth) {
    this.random = new Random(seed);
    this.depth = depth;
  }

  @Override
  public void beginSchedule() {
    priority = null;
  }

  @Override
  public int choose(DecisionContext c) {
    if (priority == null) {
      init(c.taskCount());
    }
    for (int j = 0; j < changeAt.length; j++) {
      if (changeAt[j] == c.step() && c.current() >= 0) {
        priority[c.current()] = depth - 2 - j;
      }
    }
    int best = -1;
    for (long m = c.enabledMask(); m != 0; m &= m - 1) {
      int t = Long.numberOfTrailingZeros(m);
      if (best < 0 || priority[t] > priority[best]) {
        best = t;
      }
    }
    return best;
  }

  @Override
  public void endSchedule(ScheduleRun run) {
    maxSteps = Math.max(maxSteps, run.steps());
  }

  private void init(int n) {
    priority = new int[n];
    for (int i = 0; i < n; i++) {
      priority[i] = depth + i;
    }
    for (int i = n - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      int tmp = priority[i];
      priority[i] = priority[j];
      priority[j] = tmp;
    }
    changeAt = new int[depth - 1];
    for (int j = 0; j < changeAt.length; j++) {
      changeAt[j] = 1 + random.nextInt(maxSteps);
    }
  }
}
