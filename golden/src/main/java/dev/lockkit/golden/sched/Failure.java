package dev.lockkit.golden.sched;

import dev.lockkit.golden.trace.Canonical;
import java.util.Objects;

/**
 * A failure detected while running one schedule. The message is canonical (scrubbed, task names
 * only) so that equal failures of different schedules compare equal and group into one outcome.
 *
 * @param kind what went wrong
 * @param message what each task was doing, canonical
 */
public record Failure(Kind kind, String message) {

  /** The failure kinds, each with the stable label printed in traces and reports. */
  public enum Kind {
    /** Every unfinished task is disabled (parked without a pending unpark, or spinning). */
    DEADLOCK("deadlock"),
    /** The schedule exceeded its step limit: the tasks keep running without finishing. */
    LIVELOCK("livelock"),
    /** A task threw. */
    UNCAUGHT_EXCEPTION("uncaught exception"),
    /** The kernel model's WARN / WARN_ON_ONCE fired. */
    WARN("WARN"),
    /** The kernel model's VM_BUG_ON / BUG_ON fired. */
    BUG("BUG"),
    /** lockdep reported a lock-order inversion or a release of a lock not held. */
    LOCKDEP("lockdep"),
    /** A task touched an object that was freed after an RCU grace period. */
    POISONED_ACCESS("poisoned-object access"),
    /** A task never reached a scheduling point in time: it loops or blocks outside the SPI. */
    HANG("hang"),
    /** A replayed schedule asked for a step the program no longer allows. */
    REPLAY_DIVERGED("replay diverged"),
    /**
     * The same schedule prefix enabled different tasks on two runs: the program is not a function
     * of the schedule.
     */
    NONDETERMINISM("nondeterminism");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The stable label used in output. */
    public String label() {
      return label;
    }
  }

  /** Normalises the message to canonical text. */
  public Failure {
    Objects.requireNonNull(kind, "kind");
    message = Canonical.scrub(Objects.requireNonNull(message, "message"));
  }

  @Override
  public String toString() {
    return kind.label() + ": " + message;
  }
}
