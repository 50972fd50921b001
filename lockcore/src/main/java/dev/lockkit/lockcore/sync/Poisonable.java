package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An object whose freeing lockcore models: once it is poisoned (freed through {@code call_rcu()}
 * and past its grace period), any access through a checked accessor is a detected use-after-free
 * ({@link PoisonFault}). Subclasses call {@link #checkAlive} at the top of every accessor that the
 * kernel would perform on freed memory.
 *
 * <p>The poison check is a detection aid, what KASAN's shadow-memory check is in the kernel, not
 * part of any lock protocol. On the real JVM it runs only when {@link Kasan} is enabled, as the
 * kernel checks only in a KASAN build; every other platform always runs it. Its word lives in the
 * object itself rather than in a cell of its own: on the real JVM the check is then one plain load
 * of a line the accessor loads anyway (it was a volatile load of a separate cell object, six of
 * them on every per-VMA lock round trip). A controlled platform still gets a scheduling point
 * before each check, exactly where the cell's {@code int.get} put one, so what it explores is
 * unchanged.
 */
public abstract class Poisonable {
  private static final VarHandle POISONED;

  static {
    try {
      POISONED = MethodHandles.lookup().findVarHandle(Poisonable.class, "poisoned", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // 0 alive, 1 freed. Written with volatile stores (from an RCU callback after the grace period,
  // or when a type-safe cache hands the object out again); read as described in checkAlive().
  @SuppressWarnings("unused") // accessed through POISONED, and plainly in checkAlive()
  private int poisoned;

  private final Reports reports;
  // Captured at construction, as every cell does (see Platform).
  private final Platform platform;

  /** An object reporting poisoned accesses to {@code reports}. */
  protected Poisonable(Reports reports) {
    this.reports = reports;
    this.platform = Platforms.current();
  }

  /**
   * The scheduling point of an access to a shared word a subclass keeps in itself (a {@code
   * VarHandle} on its own field) instead of in a cell: {@code op} is the name the cell's method
   * would have given ({@code "long.getOpaque"}, ...), so a controlled platform sees the same point.
   */
  protected final void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /** Marks the object freed; called from an RCU callback after the grace period. */
  public void poison() {
    hook("int.set");
    POISONED.setVolatile(this, 1);
  }

  /** Whether the object has been freed. */
  public boolean isPoisoned() {
    hook("int.get");
    return (int) POISONED.getVolatile(this) != 0;
  }

  /** Undoes {@link #poison} when a type-safe cache hands the object out again. */
  protected void unpoison() {
    hook("int.set");
    POISONED.setVolatile(this, 0);
  }

  /**
   * Checked access: reports and throws {@link PoisonFault} if the object was freed.
   *
   * @param access what was accessed, e.g. {@code "mas_walk"}; appears in the report
   */
  protected void checkAlive(String access) {
    // Folded to `jvm = true` by C2 while only the real JVM's platform exists (see Platforms).
    boolean jvm = true;
    if (Platforms.othersPossible()) {
      Platform p = platform;
      if (p != JvmPlatform.INSTANCE) {
        jvm = false;
        p.beforeSharedAccess(this, "int.get");
      }
    }
    // A plain load, like KASAN's shadow check: no barrier on the hot paths, and best effort as
    // KASAN's is (a poisoning on another thread that is not yet visible here is missed, as a check
    // racing with a free on another CPU can be). On the controlled platform tasks hand over
    // through the scheduler, which orders every access, so the check sees every earlier poisoning.
    // Any other platform reads it volatile, as the cell did: a checker that works on real threads
    // (Fray) takes volatile accesses as its scheduling points, and with a plain load here it never
    // preempted a reader at its check and stopped finding StackRot (LockcoreFrayTest).
    boolean freed;
    if (jvm) {
      // The real JVM checks only with the model's KASAN on (see Kasan): a production kernel does
      // not check.
      if (!Kasan.enabled()) {
        return;
      }
      freed = (int) POISONED.get(this) != 0;
    } else {
      freed = (int) POISONED.getVolatile(this) != 0;
    }
    if (freed) {
      throw reports.poisoned("use-after-free: " + access + " on freed " + describe());
    }
  }

  /** A deterministic description of the object for reports (never an identity hash). */
  protected abstract String describe();
}
