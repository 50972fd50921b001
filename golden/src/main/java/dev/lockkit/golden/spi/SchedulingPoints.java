package dev.lockkit.golden.spi;

/**
 * The calls through which code under control tells golden's scheduler where it synchronises or
 * shares. Code that routes every access to shared state, every block and every busy-wait through
 * these (and shares nothing else) is explored soundly: only these calls interleave.
 *
 * <p>Which thread may call: any. On a task thread of the run that owns this object each call is
 * what its documentation says; on any other thread (the harness building the initial state, a
 * thread the code started itself) the calls behave as on the real JVM: no scheduling point, {@code
 * LockSupport} for park and unpark, {@code Thread.onSpinWait} for a spin.
 */
public interface SchedulingPoints {

  /**
   * A scheduling point immediately before an operation on shared state: the scheduler may run
   * another task here before the operation happens. Whether the operation may write (see {@code
   * op}) decides which spinning tasks it wakes.
   *
   * @param location the shared cell about to be accessed (identity only; never printed)
   * @param op a short, stable description of the operation, e.g. {@code "cas"} or {@code
   *     "int.getAcquire"}; an operation whose verb (the part after the last dot) starts with {@code
   *     load}, {@code read} or {@code get} is taken as a read, every other one as a possible write
   */
  void beforeSharedAccess(Object location, String op);

  /**
   * Blocks the calling task until another task unparks it, with {@code LockSupport.park} permit
   * semantics (an earlier {@link #unpark} makes it return at once). Always a scheduling point. The
   * scheduler never wakes a task spuriously, but callers re-check their condition in a loop, as on
   * the real JVM. A state where every unfinished task is parked or spinning is a deadlock.
   *
   * @param blocker what the task waits for (named in deadlock diagnostics)
   */
  void park(Object blocker);

  /**
   * Makes a permit available to {@code thread}, enabling it if it is parked. Not a scheduling
   * point: the shared access that precedes a wake-up in correct code is.
   */
  void unpark(Thread thread);

  /**
   * One failed iteration of a busy-wait loop on {@code location}, always a scheduling point. The
   * scheduler disables the spinner until another task performs a shared access that may write, so a
   * spin never consumes the step budget, and spinners that wait only on each other deadlock rather
   * than livelock.
   */
  void spinWait(Object location);
}
