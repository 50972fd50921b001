package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The model's KASAN: whether the poison checks ({@link Poisonable#checkAlive}) run on the real
 * JVM's platform. A production kernel does not check a pointer it follows for use-after-free; only
 * a kernel built with {@code CONFIG_KASAN} does, and pays for it. lockcore as a library does the
 * same: on the real JVM the checks are off unless the JVM is started with {@code
 * -Dlockcore.kasan=true} (read once, when this class is initialised) or someone calls {@link
 * #enable()}. Once on, it stays on for the life of the JVM, as a boot parameter would.
 *
 * <p>Every other platform ignores this switch: on the controlled platform (golden) and under Fray
 * each check is a scheduling point with its op name and always runs, so the golden suite, StackRot
 * and the VMA-reuse bug are caught whatever the switch says, and every approved file is unchanged.
 *
 * <p><b>Who wants it, what it costs.</b> A user who runs lockcore on real threads to hunt for
 * use-after-free (a stress test of code built on it, a checker like Fray on the JVM platform)
 * enables it. It costs a plain load and a branch per checked access, five on a per-VMA fault's read
 * path, and, more than that, the inlining C2 cannot do around a larger method: 0.9 ns of the
 * per-VMA read path on its own, and with the Kconfig tests the same argument removes, 4.3 ns
 * (bench/README.md, "issue 20 sixth pass" and "seventh pass").
 *
 * <p><b>Read opaque.</b> {@link #enabled()} is an opaque load of a static field that {@link
 * #enable()} writes once, volatile: a plain load's cost on the hot path (the check and its branch
 * are what is left while it is off) and, unlike a plain field, never hoisted for good out of a
 * loop, so a check that runs after {@code enable()} on another thread sees it eventually, and every
 * check ordered after it (program order, or any synchronisation with the enabling thread) sees it
 * at once. A check racing with {@code enable()} may still be skipped, as an access racing with a
 * free may escape KASAN. A {@code SwitchPoint} folded by C2 was tried first: in the per-VMA path's
 * JMH benchmark it made the path 30-36 ns against 18 ns before (PathCpuProbe's own loops did not
 * show it), and 16 ns with the switch invalidated. Found later (bench/README.md, "issue 20 eighth
 * pass"): that build's compiled path was small enough for C2 to inline it into JMH's loop, where
 * the guards' inlined lambda forms exhausted C2's node budget, so the path's own callees stayed
 * calls and their records were allocated.
 */
public final class Kasan {
  /** The system property that turns the checks on at start-up: {@code -Dlockcore.kasan=true}. */
  public static final String PROPERTY = "lockcore.kasan";

  // Written once, by enable(); read opaque by every check on the real JVM.
  @SuppressWarnings("unused") // through ON
  private static boolean on;

  private static final VarHandle ON;

  static {
    try {
      ON = MethodHandles.lookup().findStaticVarHandle(Kasan.class, "on", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    if (Boolean.getBoolean(PROPERTY)) {
      enable();
    }
  }

  private Kasan() {}

  /** Turns the real JVM's poison checks on for the rest of this JVM's life; idempotent. */
  public static void enable() {
    ON.setVolatile(true);
  }

  /** Whether the poison checks run on the real JVM's platform (an opaque load; see above). */
  public static boolean enabled() {
    return (boolean) ON.getOpaque();
  }
}
