package dev.lockkit.lockcore.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Config.isEnabled} folded by the JIT while every configuration in the JVM agrees on the
 * option: what {@code IS_ENABLED(CONFIG_X)} is in a compiled kernel, a constant, for the library
 * user who boots one configuration, and a test of the configuration's bit for a JVM that holds
 * several (golden boots every valid one).
 *
 * <p>One {@link MutableCallSite} per option, each read through its {@code dynamicInvoker()} held in
 * a {@code static final} field, so C2 inlines the call and treats the site's target as a constant,
 * with a dependency that deoptimises the method when the target changes. A site's target is, in
 * turn: the bit test ({@code (mask & bit) != 0}, right for any configuration) while no {@code
 * Config} exists; the constant value of the option in the first {@code Config} made in this JVM;
 * the bit test again, for good, once a {@code Config} that disagrees is made. {@code
 * Config.isEnabled} picks the option's handle by identity compares with the option constants, which
 * C2 folds where the option is a constant, as at every guard in lockcore. This class knows options
 * only by their bit (their ordinal), so that it stays out of the type cycle of {@code Config},
 * {@code Option} and {@code ConfigExpr}.
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
 * {@code Config.allValid()}, which makes every valid configuration, switches every option to the
 * bit test, as golden's matrix would anyway.
 */
final class FoldedOption {

  // Per bit, guarded by the class: UNSEEN, FALSE, TRUE or VARIES.
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

  // One site per bit of a configuration's mask (a long: at most 64 options).
  private static final MutableCallSite[] SITES = new MutableCallSite[Long.SIZE];
  private static final int[] STATE = new int[Long.SIZE];

  static {
    for (int bit = 0; bit < Long.SIZE; bit++) {
      SITES[bit] = new MutableCallSite(bitTest(bit));
    }
  }

  private FoldedOption() {}

  private static boolean bitTest(long bit, long mask) {
    return (mask & bit) != 0;
  }

  private static MethodHandle bitTest(int bit) {
    return MethodHandles.insertArguments(BIT_TEST, 0, 1L << bit);
  }

  /**
   * The handle {@code (long mask) -> boolean} that answers option bit {@code bit} of a {@linkplain
   * #observe observed} configuration's mask: hold it in a {@code static final} field, so that C2
   * folds its target.
   */
  static MethodHandle invoker(int bit) {
    return SITES[bit].dynamicInvoker();
  }

  /**
   * Records a configuration being made, {@code mask} its option bits, {@code bits} the number of
   * options: each option's site keeps its constant if this mask agrees with it, gets one if it had
   * none, and falls back to the bit test if it disagrees. Called from the {@code Config}
   * constructor, before the object is reachable by anyone else.
   */
  static synchronized void observe(long mask, int bits) {
    List<MutableCallSite> switched = new ArrayList<>();
    for (int i = 0; i < bits; i++) {
      boolean on = (mask & (1L << i)) != 0;
      int want = on ? TRUE : FALSE;
      if (STATE[i] == UNSEEN) {
        STATE[i] = want;
        SITES[i].setTarget(
            MethodHandles.dropArguments(MethodHandles.constant(boolean.class, on), 0, long.class));
        switched.add(SITES[i]);
      } else if (STATE[i] != want && STATE[i] != VARIES) {
        STATE[i] = VARIES;
        SITES[i].setTarget(bitTest(i));
        switched.add(SITES[i]);
      }
    }
    if (!switched.isEmpty()) {
      MutableCallSite.syncAll(switched.toArray(new MutableCallSite[0]));
    }
  }

  /**
   * Whether option bit {@code bit} is folded to a constant now: every configuration made so far in
   * this JVM agrees on it.
   */
  static synchronized boolean isFolded(int bit) {
    int s = STATE[bit];
    return s == TRUE || s == FALSE;
  }
}
