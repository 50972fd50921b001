package dev.lockkit.lockcore.sync;

/**
 * The service-provider interface through which every lockcore operation on shared state passes.
 *
 * <p>Implementation overview. lockcore never shares a plain mutable field between threads: every
 * shared word lives in a {@code sync} cell, and every cell operation first calls {@link
 * #beforeSharedAccess}. Blocking is expressed only with {@link #park} / {@link #unpark}, and busy
 * waits only with {@link #spinWait}. That gives two interchangeable worlds:
 *
 * <ul>
 *   <li>the real JVM ({@link JvmPlatform}, the default): the hooks are no-ops or map onto {@code
 *       LockSupport} and {@code Thread.onSpinWait}, and the cells use {@code VarHandle}s for memory
 *       ordering;
 *   <li>a controlled platform (installed by the golden harness): every hook is a scheduling point,
 *       so tasks run one at a time and the harness chooses who runs next. This is the loom
 *       approach: only instrumented operations interleave, which is sound exactly because nothing
 *       else is shared.
 * </ul>
 *
 * <p>Each cell captures the platform current ({@link Platforms#current}) when the cell is made, and
 * its operations, waits and wake-ups go through that one, so no primitive looks a platform up per
 * operation: a kernel built under a platform keeps it. Library users never set one and get the real
 * JVM; a harness binds its own to the threads of one run ({@link Platforms#bind}: the thread that
 * boots the kernel and each task thread, which allocate inside that run), so two runs in one JVM
 * never share a platform. On the real JVM no cell pays for that choice: the JIT folds every cell's
 * "is my platform the JVM's?" check away until another platform first appears ({@link
 * Platforms#othersPossible()}).
 */
public interface Platform {

  /**
   * A scheduling point, called immediately before an instrumented operation on shared state.
   *
   * @param location the shared cell about to be accessed (identity only; never printed)
   * @param op a short, stable description of the operation, e.g. {@code "cas"} or {@code "load"}
   */
  void beforeSharedAccess(Object location, String op);

  /**
   * Blocks the calling thread until it is unparked, with {@code LockSupport.park} semantics: a
   * pending permit makes it return at once, and it may return spuriously, so callers re-check their
   * condition in a loop.
   *
   * @param blocker what the thread waits for (reported in deadlock diagnostics)
   */
  void park(Object blocker);

  /** Makes a permit available to {@code thread}, waking it if it is parked. */
  void unpark(Thread thread);

  /**
   * One failed iteration of a busy-wait loop on {@code location}. The JVM platform hints the CPU; a
   * controlled platform deschedules the caller until another task has changed shared state, so a
   * spin never burns the schedule budget.
   */
  void spinWait(Object location);
}
