package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shared pointer: the Java form of a kernel pointer field accessed with {@code READ_ONCE()},
 * {@code rcu_dereference()} (acquire; Java has no dependency ordering) and {@code
 * rcu_assign_pointer()} (release).
 *
 * <p>Every operation first calls {@link Platform#beforeSharedAccess}. {@link #get()}/{@link #set}
 * are volatile; see {@link SharedInt} for why that is the default.
 *
 * @param <T> the referent type
 */
public final class SharedRef<T> {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(SharedRef.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through VALUE only
  private Object value;

  // The platform is captured when the cell is made (the kernel that owns the cell is built under
  // it), so no operation reads the process-wide Platforms global: that read sat on every primitive
  // of the hot paths. A final field: the JIT sees one platform per cell and inlines the real JVM's
  // no-op hook.
  private final Platform platform;

  /** A cell holding {@code initial}. */
  public SharedRef(T initial) {
    this(initial, Platforms.current());
  }

  /**
   * A cell holding {@code initial} whose operations go through {@code platform}: for cells a
   * primitive makes on demand, which take the platform of the primitive that owns them.
   */
  public SharedRef(T initial, Platform platform) {
    // A platform handed in directly is admitted as one installed or bound would be, before this
    // cell can reach any thread (see Platforms).
    Platforms.admit(java.util.Objects.requireNonNull(platform, "platform"));
    this.platform = platform;
    VALUE.setRelease(this, initial);
  }

  private void hook(Object cell, String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, cell, op);
  }

  /** The platform this cell's operations go through (for waits on the cell: {@code spinWait}). */
  public Platform platform() {
    return platform;
  }

  /** Fully ordered load (volatile). */
  @SuppressWarnings("unchecked")
  public T get() {
    hook(this, "ref.get");
    return (T) VALUE.getVolatile(this);
  }

  /**
   * A plain load: for a word the caller's synchronisation already makes stable (the kernel reads it
   * as a plain field, e.g. under a reference or lock that keeps writers out). Unlike {@link
   * #getOpaque()} the compiler may merge or move it, so it costs no barrier; never use it in a loop
   * that waits for the word to change.
   */
  @SuppressWarnings("unchecked")
  public T getPlain() {
    hook(this, "ref.getPlain");
    return (T) VALUE.get(this);
  }

  /** {@code READ_ONCE()} (opaque). */
  @SuppressWarnings("unchecked")
  public T getOpaque() {
    hook(this, "ref.getOpaque");
    return (T) VALUE.getOpaque(this);
  }

  /** {@code rcu_dereference()} / {@code smp_load_acquire()}. */
  @SuppressWarnings("unchecked")
  public T getAcquire() {
    hook(this, "ref.getAcquire");
    return (T) VALUE.getAcquire(this);
  }

  /** Fully ordered store (volatile). */
  public void set(T v) {
    hook(this, "ref.set");
    VALUE.setVolatile(this, v);
  }

  /** {@code WRITE_ONCE()} (opaque). */
  public void setOpaque(T v) {
    hook(this, "ref.setOpaque");
    VALUE.setOpaque(this, v);
  }

  /** {@code rcu_assign_pointer()} / {@code smp_store_release()}. */
  public void setRelease(T v) {
    hook(this, "ref.setRelease");
    VALUE.setRelease(this, v);
  }

  /** {@code cmpxchg()} on a pointer (fully ordered). */
  public boolean compareAndSet(T expected, T v) {
    hook(this, "ref.cas");
    return VALUE.compareAndSet(this, expected, v);
  }

  /** {@code xchg()} on a pointer (fully ordered). */
  @SuppressWarnings("unchecked")
  public T getAndSet(T v) {
    hook(this, "ref.xchg");
    return (T) VALUE.getAndSet(this, v);
  }
}
