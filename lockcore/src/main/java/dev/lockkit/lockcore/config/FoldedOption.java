package dev.lockkit.lockcore.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Config#isEnabled} folded by the JIT while every configuration in the JVM agrees on the
 * option: what {@code IS_ENABLED(CONFIG_X)} is in a compiled kernel, a constant, for the library
 * user who boots one configuration, and a test of the configuration's bit for a JVM that holds
 * several (golden boots every valid one).
 *
 * <p>One {@link MutableCallSite} per option, each read through its {@code dynamicInvoker()} held in
 * a {@code static final} field, so C2 inlines the call and treats the site's target as a constant,
 * with a dependency that deoptimises the method when the target changes. A site's target is, in
 * turn: the bit test ({@code (mask & bit) != 0}, right for any configuration) while no {@link
 * Config} exists; the constant value of the option in the first {@code Config} made in this JVM;
 * the bit test again, for good, once a {@code Config} that disagrees is made. {@link
 * Config#isEnabled} picks the option's site by identity compares with the option constants, which
 * C2 folds where the option is a constant, as at every guard in lockcore.
 *
 * <p>Why no configuration is ever answered by another's constant: a {@code Config} is observed here
 * in its constructor ({@link #observe}), after its mask is computed and before the object exists
 * for anyone else; so a configuration that disagrees with a site's constant switches the site to
 * the bit test before any thread can call {@code isEnabled} on it. {@link
 * MutableCallSite#setTarget} deoptimises, before it returns, every compiled method that folded the
 * old constant, and {@link MutableCallSite#syncAll} makes the new target visible to every thread
 * before the constructor returns: a thread that receives the new configuration through
 * synchronisation reads the site after the switch in happens-before order, and one that receives it
 * through a data race still reads its final fields and, by {@code syncAll}, the new target. The
 * first constant replaces the bit test, which is right for every configuration, so that change
 * needs no such ordering. Observing at construction rather than at boot makes this hold for any
 * {@code Config} (the ones reports or harnesses make and never boot included); the price is that
 * {@link Config#allValid()}, which makes every valid configuration, switches every option to the
 * bit test, as golden's matrix would anyway.
 */
final class FoldedOption {

  // Option-ordinal-indexed state, guarded by the class: UNSEEN, FALSE, TRUE or VARIES.
  private static final int UNSEEN = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int VARIES = 3;

  private static final MethodHandle BIT_TEST;

  static {
    try {
      BIT_TEST =
          MethodHandles.lookup()
              .findStatic(
                  FoldedOption.class,
                  "bitTest",
                  MethodType.methodType(boolean.class, long.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Option[] OPTIONS = Option.values();
  private static final MutableCallSite[] SITES = new MutableCallSite[OPTIONS.length];
  private static final int[] STATE = new int[OPTIONS.length];

  static {
    for (Option o : OPTIONS) {
      SITES[o.ordinal()] = new MutableCallSite(bitTest(o));
    }
  }

  // One per option, static final so that C2 folds the site's target (see the class comment).
  private static final MethodHandle MMU = SITES[Option.MMU.ordinal()].dynamicInvoker();
  private static final MethodHandle SMP = SITES[Option.SMP.ordinal()].dynamicInvoker();
  private static final MethodHandle ARCH_SUPPORTS_PER_VMA_LOCK =
      SITES[Option.ARCH_SUPPORTS_PER_VMA_LOCK.ordinal()].dynamicInvoker();
  private static final MethodHandle PER_VMA_LOCK =
      SITES[Option.PER_VMA_LOCK.ordinal()].dynamicInvoker();
  private static final MethodHandle LOCK_MM_AND_FIND_VMA =
      SITES[Option.LOCK_MM_AND_FIND_VMA.ordinal()].dynamicInvoker();
  private static final MethodHandle STACK_GROWSUP =
      SITES[Option.STACK_GROWSUP.ordinal()].dynamicInvoker();
  private static final MethodHandle DEBUG_LOCK_ALLOC =
      SITES[Option.DEBUG_LOCK_ALLOC.ordinal()].dynamicInvoker();
  private static final MethodHandle TRACING = SITES[Option.TRACING.ordinal()].dynamicInvoker();
  private static final MethodHandle PER_VMA_LOCK_STATS =
      SITES[Option.PER_VMA_LOCK_STATS.ordinal()].dynamicInvoker();

  private FoldedOption() {}

  private static boolean bitTest(long bit, long mask) {
    return (mask & bit) != 0;
  }

  private static MethodHandle bitTest(Option o) {
    return MethodHandles.insertArguments(BIT_TEST, 0, 1L << o.ordinal());
  }

  /**
   * {@code option} in the configuration whose option bits are {@code mask}, which must be a {@code
   * Config}'s that was {@linkplain #observe observed}.
   */
  static boolean isEnabled(Option option, long mask) {
    try {
      // Identity compares, not a switch or an array: C2 folds them for a constant option, and a
      // static final handle is what it can inline with the site's target as a constant.
      if (option == Option.DEBUG_LOCK_ALLOC) {
        return (boolean) DEBUG_LOCK_ALLOC.invokeExact(mask);
      }
      if (option == Option.PER_VMA_LOCK_STATS) {
        return (boolean) PER_VMA_LOCK_STATS.invokeExact(mask);
      }
      if (option == Option.TRACING) {
        return (boolean) TRACING.invokeExact(mask);
      }
      if (option == Option.PER_VMA_LOCK) {
        return (boolean) PER_VMA_LOCK.invokeExact(mask);
      }
      if (option == Option.MMU) {
        return (boolean) MMU.invokeExact(mask);
      }
      if (option == Option.STACK_GROWSUP) {
        return (boolean) STACK_GROWSUP.invokeExact(mask);
      }
      if (option == Option.LOCK_MM_AND_FIND_VMA) {
        return (boolean) LOCK_MM_AND_FIND_VMA.invokeExact(mask);
      }
      if (option == Option.SMP) {
        return (boolean) SMP.invokeExact(mask);
      }
      if (option == Option.ARCH_SUPPORTS_PER_VMA_LOCK) {
        return (boolean) ARCH_SUPPORTS_PER_VMA_LOCK.invokeExact(mask);
      }
    } catch (Throwable e) {
      throw new AssertionError("a folded option's handle threw", e);
    }
    // An option added to Option but not above: never folded, always right.
    return (mask & (1L << option.ordinal())) != 0;
  }

  /**
   * Records a configuration being made: each option's site keeps its constant if this mask agrees
   * with it, gets one if it had none, and falls back to the bit test if it disagrees. Called from
   * the {@code Config} constructor, before the object is reachable by anyone else.
   */
  static synchronized void observe(long mask) {
    List<MutableCallSite> switched = new ArrayList<>();
    for (Option o : OPTIONS) {
      int i = o.ordinal();
      boolean on = (mask & (1L << i)) != 0;
      int want = on ? TRUE : FALSE;
      if (STATE[i] == UNSEEN) {
        STATE[i] = want;
        SITES[i].setTarget(
            MethodHandles.dropArguments(MethodHandles.constant(boolean.class, on), 0, long.class));
        switched.add(SITES[i]);
      } else if (STATE[i] != want && STATE[i] != VARIES) {
        STATE[i] = VARIES;
        SITES[i].setTarget(bitTest(o));
        switched.add(SITES[i]);
      }
    }
    if (!switched.isEmpty()) {
      MutableCallSite.syncAll(switched.toArray(new MutableCallSite[0]));
    }
  }

  /**
   * Whether {@code option} is folded to a constant now: every {@code Config} made so far in this
   * JVM agrees on it (diagnostics and tests).
   */
  static synchronized boolean isFolded(Option option) {
    int s = STATE[option.ordinal()];
    return s == TRUE || s == FALSE;
  }
}
