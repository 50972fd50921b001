package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.SwitchPoint;

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
 * <p><b>Folded for the JIT.</b> {@link #enabled()} reads a {@link SwitchPoint} through a {@code
 * static final} method handle, as {@link Platforms#othersPossible()} does: C2 compiles it to the
 * constant {@code false} with a dependency on the switch point, so a check compiles to nothing
 * while the switch is off. {@link #enable()} invalidates the switch point, which deoptimises every
 * method compiled with the constant before it returns ({@code MutableCallSite.syncAll}): every
 * check that happens after {@code enable()} returns (in program order, or through any
 * synchronisation with the enabling thread) runs. A check racing with {@code enable()} on another
 * thread may still be skipped, as an access racing with a free may escape KASAN.
 */
public final class Kasan {
  /** The system property that turns the checks on at start-up: {@code -Dlockcore.kasan=true}. */
  public static final String PROPERTY = "lockcore.kasan";

  // Valid while the checks are off; invalidated once, by enable().
  private static final SwitchPoint OFF = new SwitchPoint();

  private static final MethodHandle ENABLED =
      OFF.guardWithTest(
          MethodHandles.constant(boolean.class, false),
          MethodHandles.constant(boolean.class, true));

  static {
    if (Boolean.getBoolean(PROPERTY)) {
      enable();
    }
  }

  private Kasan() {}

  /** Turns the real JVM's poison checks on for the rest of this JVM's life; idempotent. */
  public static void enable() {
    if (!OFF.hasBeenInvalidated()) {
      synchronized (Kasan.class) {
        if (!OFF.hasBeenInvalidated()) {
          SwitchPoint.invalidateAll(new SwitchPoint[] {OFF});
        }
      }
    }
  }

  /**
   * Whether the poison checks run on the real JVM's platform. Compiled code folds it to a constant
   * while it is false.
   */
  public static boolean enabled() {
    try {
      return (boolean) ENABLED.invokeExact();
    } catch (Throwable e) {
      throw new AssertionError("a constant method handle threw", e);
    }
  }
}
