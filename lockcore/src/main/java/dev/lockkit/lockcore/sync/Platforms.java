package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Says which {@link Platform} a newly made {@code sync} cell captures. It is read when a cell is
 * constructed, never by an operation on one.
 *
 * <p>Two bindings, the narrower winning: a thread-confined one ({@link #bind}, {@link #with}),
 * which a harness sets on each thread that runs its run's code (its own thread while it boots a
 * kernel, and each of its task threads), so two runs in one JVM each get their own platform; and
 * the process-wide default ({@link #install}), the real JVM unless someone replaced it. Library
 * users touch neither and get the real JVM.
 *
 * <p><b>Folding the platform checks on the real JVM.</b> Every cell operation asks "is my platform
 * the real JVM's?" before its access ({@code hook}). Asked as a load of the cell's final {@code
 * platform} field and a compare with {@link JvmPlatform#INSTANCE}, that costs a load and a branch
 * per access, about 2 ns on the per-VMA read path (bench/README.md, issue 20): the JIT cannot fold
 * a field of an ordinary object. So each hook first asks {@link #othersPossible()}, which is a
 * {@link MutableCallSite} (a switch point without its guard) read through a {@code static final}
 * method handle: C2 compiles it to the constant {@code false}, with a dependency on the call site,
 * for as long as no platform other than the real JVM's has been installed, bound or handed to a
 * cell in this JVM, and the whole check, with the {@code platform} load, disappears from compiled
 * code. The library's contract does not change: any platform may still be installed or bound at any
 * time. The first time one is ({@code admit()}), the call site's target becomes {@code true}, which
 * deoptimises every compiled method that folded the constant; from then on each hook tests the
 * cell's platform as before. A controlled platform (golden, Fray) is therefore admitted before its
 * first cell exists and never runs folded code; what it pays is the guard itself: nothing in C2's
 * code (the constant is then {@code true}), a call of {@code othersPossible()}, which C2 compiles
 * on its own, from C1's code and the interpreter. The golden suite's time did not move measurably
 * (bench/README.md, sixth pass).
 *
 * <p>Why no cell can act on a stale {@code false}: a cell captures its platform once, at
 * construction, from {@link #current()} (or from its constructor's argument, which admits it too),
 * and {@code current()} can only return a platform that {@link #install} or {@link #bind} stored
 * after admitting it. {@code admit()} switches the call site <em>before</em> that store, so the
 * switch happens-before the volatile write of {@code current} (or the thread-local write of a
 * binding, which only its own thread reads), which happens-before the read that hands the platform
 * to a new cell, which happens-before any use of that cell by a thread that received it through
 * synchronisation. A thread that receives a cell through a data race still sees its final {@code
 * platform} field and, through {@link MutableCallSite#syncAll}, the new target; compiled code that
 * folded the old one is deoptimised before {@code setTarget} returns. So no cell holding another
 * platform is ever reached by code that still folds {@code false}: every non-JVM cell's accesses
 * still reach its platform, with the same op names and access modes, and every approved golden file
 * is unchanged.
 */
public final class Platforms {

  // Stands in `current` while some thread binding is open anywhere: "look at the thread's binding
  // first". Never returned, never called.
  private static final Platform LOOKUP =
      new Platform() {
        @Override
        public void beforeSharedAccess(Object location, String op) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void park(Object blocker) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void unpark(Thread thread) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void spinWait(Object location) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }
      };

  // What current() reads first: the process-wide default while no thread binding is open (every
  // library use: one volatile read, exactly as before bindings existed), else LOOKUP. Volatile so
  // that a default installed by one thread is seen by threads it starts afterwards.
  private static volatile Platform current = JvmPlatform.INSTANCE;

  // The process-wide default (install); read unlocked only on the LOOKUP path.
  private static volatile Platform global = JvmPlatform.INSTANCE;

  private static final ThreadLocal<Platform> BOUND = new ThreadLocal<>();

  // Guards `open` and the writes of `current` and `global`: binding and unbinding happen once per
  // task per schedule, never per operation.
  private static final Object LOCK = new Object();
  private static int open;

  private static final MethodHandle FALSE = MethodHandles.constant(boolean.class, false);
  private static final MethodHandle TRUE = MethodHandles.constant(boolean.class, true);

  // The constant false while the real JVM's is the only platform any cell can have captured in this
  // JVM; set to true once, by admit(), before the first other platform becomes reachable. This is
  // what a SwitchPoint is made of (its invalidateAll is setTarget + syncAll on such a call site),
  // without the guardWithTest around it, whose lambda forms C2 would inline at each of the read
  // path's two dozen checks before folding them: IR nodes that count against C2's inlining budget
  // (NodeCountInliningCutoff) in every caller that inlines the path (bench/README.md, "issue 20
  // eighth pass").
  private static final MutableCallSite ONLY_JVM = new MutableCallSite(FALSE);

  // A static final handle: C2 inlines its invocation and folds the call site's target to a
  // constant, with a dependency that deoptimises the caller when the target changes.
  private static final MethodHandle OTHERS_POSSIBLE = ONLY_JVM.dynamicInvoker();

  private Platforms() {}

  /**
   * Whether a cell may hold a platform other than {@link JvmPlatform#INSTANCE}: false until one is
   * first installed, bound or given to a cell in this JVM, true from then on. Compiled code folds
   * it to a constant while it is false; cells ask it before loading their platform (see the class
   * comment).
   */
  public static boolean othersPossible() {
    try {
      return (boolean) OTHERS_POSSIBLE.invokeExact();
    } catch (Throwable e) {
      throw new AssertionError("a constant method handle threw", e);
    }
  }

  /**
   * The hook every cell runs before an access: tells {@code platform} that {@code cell} is about to
   * be accessed by {@code op}, unless it is the real JVM's, whose hook does nothing. While {@link
   * #othersPossible()} is folded to false the whole call, with the caller's load of its {@code
   * platform} field, compiles to nothing; after that it is one identity compare, cheaper than the
   * profiled interface call it skips.
   */
  public static void beforeAccess(Platform platform, Object cell, String op) {
    if (othersPossible() && platform != JvmPlatform.INSTANCE) {
      platform.beforeSharedAccess(cell, op);
    }
  }

  /**
   * Records that {@code platform} may be captured by a cell from now on: invalidates the switch
   * point behind {@link #othersPossible()} the first time it is not the real JVM's, before the
   * caller makes it visible to any thread. Cheap once invalidated.
   */
  static void admit(Platform platform) {
    if (platform != JvmPlatform.INSTANCE && ONLY_JVM.getTarget() != TRUE) {
      synchronized (LOCK) {
        if (ONLY_JVM.getTarget() != TRUE) {
          // What SwitchPoint.invalidateAll does: deoptimise every compiled method that folded the
          // old target, then make the new one visible to every thread, before returning.
          ONLY_JVM.setTarget(TRUE);
          MutableCallSite.syncAll(new MutableCallSite[] {ONLY_JVM});
        }
      }
    }
  }

  /**
   * The platform a {@code sync} cell made now, on this thread, goes through for its whole life: the
   * calling thread's binding if it has one, else the process-wide default.
   */
  public static Platform current() {
    Platform p = current;
    if (p != LOOKUP) {
      return p;
    }
    Platform bound = BOUND.get();
    return bound != null ? bound : global;
  }

  /**
   * Installs {@code platform} as the process-wide default and returns the one it replaces, so
   * callers can restore it in a {@code finally} block. Every thread without a binding of its own
   * sees it: a harness that may share the JVM with another run binds instead.
   */
  public static Platform install(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    admit(platform);
    synchronized (LOCK) {
      Platform previous = global;
      global = platform;
      if (open == 0) {
        current = platform;
      }
      return previous;
    }
  }

  /**
   * Binds {@code platform} to the calling thread until the returned binding is closed (on this same
   * thread), which restores the thread's previous binding. Bindings nest.
   */
  public static Binding bind(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    admit(platform);
    Platform previous = BOUND.get();
    BOUND.set(platform);
    synchronized (LOCK) {
      if (open++ == 0) {
        current = LOOKUP;
      }
    }
    return new Binding(Thread.currentThread(), previous);
  }

  private static void unbind(Platform previous) {
    if (previous == null) {
      BOUND.remove();
    } else {
      BOUND.set(previous);
    }
    synchronized (LOCK) {
      if (--open == 0) {
        current = global;
      }
    }
  }

  /** Runs {@code work} with {@code platform} bound to the calling thread and returns its result. */
  public static <T> T with(Platform platform, Supplier<T> work) {
    try (Binding b = bind(platform)) {
      return work.get();
    }
  }

  /** An open thread binding ({@link #bind}); closing it restores the thread's previous one. */
  public static final class Binding implements AutoCloseable {
    private final Thread owner;
    private final Platform previous;
    private boolean closed;

    private Binding(Thread owner, Platform previous) {
      this.owner = owner;
      this.previous = previous;
    }

    /**
     * Restores the previous binding of the thread that opened this one.
     *
     * @throws IllegalStateException when called from another thread (a ThreadLocal cannot be
     *     restored from elsewhere); closing twice does nothing
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "a platform binding is closed on the thread that opened it ("
                + owner.getName()
                + "), not on "
                + Thread.currentThread().getName());
      }
      closed = true;
      unbind(previous);
    }
  }
}
