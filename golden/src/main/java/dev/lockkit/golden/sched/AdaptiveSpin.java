package dev.lockkit.golden.sched;

import java.util.function.BooleanSupplier;

/**
 * The busy-wait before a waiting task thread parks, with a budget that adapts as HotSpot's spinning
 * on contended monitors does: it doubles when a wait ended while spinning and halves when the
 * waiter had to go on to park. On an idle machine the turn arrives from the other core within the
 * spin, so hand-offs need no kernel wake-up; on an oversubscribed one (a shared CI runner) spinning
 * only takes the core from the thread that holds the turn, and the budget falls to a few
 * iterations. Both engines' hand-offs (the lockcore explorer's {@code Turn} and the engine for
 * unmodified code) wait through one of these; measured in golden/README.md, "Speed".
 */
public final class AdaptiveSpin {

  private static final int MIN_SPINS = 8;
  private static final int MAX_SPINS = 1 << 10;

  private final int fixedSpins;
  // Shared by the waiters of one owner; a plain int, since a lost update only nudges a heuristic.
  private int budget = 1 << 6;

  /**
   * @param fixedSpins a fixed number of iterations (a system property's value, for measuring), or 0
   *     for the adaptive budget
   */
  public AdaptiveSpin(int fixedSpins) {
    this.fixedSpins = fixedSpins;
  }

  /** Spins until {@code ready} holds or the budget is spent; returns whether it holds. */
  public boolean spin(BooleanSupplier ready) {
    int spins = fixedSpins > 0 ? fixedSpins : budget;
    for (int i = 0; i < spins; i++) {
      if (ready.getAsBoolean()) {
        if (fixedSpins == 0) {
          budget = Math.min(MAX_SPINS, spins * 2);
        }
        return true;
      }
      Thread.onSpinWait();
    }
    if (fixedSpins == 0) {
      budget = Math.max(MIN_SPINS, spins / 2);
    }
    return false;
  }
}
