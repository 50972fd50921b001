package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shared {@code int} word: the Java form of a kernel {@code atomic_t} and of a plain field read
 * with {@code READ_ONCE()} / written with {@code WRITE_ONCE()}.
 *
 * <p>Every operation first calls {@link Platform#beforeSharedAccess} so that a controlled platform
 * can interleave tasks here and only here. Memory ordering is spelled out per method with {@link
 * VarHandle} access modes: the plain {@link #get()}/{@link #set} are volatile (sequentially
 * consistent), the safe default for code ported from the kernel's fully ordered atomics; the
 * acquire/release and opaque forms exist for the places where the kernel relies on exactly that
 * ordering ({@code smp_load_acquire}, {@code smp_store_release}, {@code READ_ONCE}).
 */
public final class SharedInt {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(SharedInt.class, "value", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through VALUE only
  private int value;

  // The platform is captured when the cell is made (the kernel that owns the cell is built under
  // it), so no operation reads the process-wide Platforms global: that read sat on every primitive
  // of the hot paths. A final field: the JIT sees one platform per cell and inlines the real JVM's
  // no-op hook.
  private final Platform platform;

  /** A cell holding {@code initial}; publication happens with the object that owns the cell. */
  public SharedInt(int initial) {
    this(initial, Platforms.current());
  }

  /**
   * A cell holding {@code initial} whose operations go through {@code platform}: for cells a
   * primitive makes on demand, which take the platform of the primitive that owns them.
   */
  public SharedInt(int initial, Platform platform) {
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

  /** Fully ordered load ({@code atomic_read} followed by a barrier; volatile). */
  public int get() {
    hook(this, "int.get");
    return (int) VALUE.getVolatile(this);
  }

  /**
   * A plain load: for a word the caller's synchronisation already makes stable (the kernel reads it
   * as a plain field, e.g. under a reference or lock that keeps writers out). Unlike {@link
   * #getOpaque()} the compiler may merge or move it, so it costs no barrier; never use it in a loop
   * that waits for the word to change.
   */
  public int getPlain() {
    hook(this, "int.getPlain");
    return (int) VALUE.get(this);
  }

  /** {@code READ_ONCE()}: a single untorn load with no ordering (opaque). */
  public int getOpaque() {
    hook(this, "int.getOpaque");
    return (int) VALUE.getOpaque(this);
  }

  /** {@code smp_load_acquire()}: later accesses cannot move before this load. */
  public int getAcquire() {
    hook(this, "int.getAcquire");
    return (int) VALUE.getAcquire(this);
  }

  /** Fully ordered store (volatile). */
  public void set(int v) {
    hook(this, "int.set");
    VALUE.setVolatile(this, v);
  }

  /** {@code WRITE_ONCE()}: a single untorn store with no ordering (opaque). */
  public void setOpaque(int v) {
    hook(this, "int.setOpaque");
    VALUE.setOpaque(this, v);
  }

  /** {@code smp_store_release()}: earlier accesses cannot move after this store. */
  public void setRelease(int v) {
    hook(this, "int.setRelease");
    VALUE.setRelease(this, v);
  }

  /** {@code cmpxchg()}: fully ordered compare-and-set. */
  public boolean compareAndSet(int expected, int v) {
    hook(this, "int.cas");
    return VALUE.compareAndSet(this, expected, v);
  }

  /** {@code cmpxchg()} returning the witness value (fully ordered). */
  public int compareAndExchange(int expected, int v) {
    hook(this, "int.cmpxchg");
    return (int) VALUE.compareAndExchange(this, expected, v);
  }

  /** {@code cmpxchg_acquire()} returning the witness value. */
  public int compareAndExchangeAcquire(int expected, int v) {
    hook(this, "int.cmpxchgAcquire");
    return (int) VALUE.compareAndExchangeAcquire(this, expected, v);
  }

  /** {@code xchg()}: fully ordered exchange, returning the old value. */
  public int getAndSet(int v) {
    hook(this, "int.xchg");
    return (int) VALUE.getAndSet(this, v);
  }

  /** {@code atomic_fetch_add()}: fully ordered, returns the old value. */
  public int getAndAdd(int delta) {
    hook(this, "int.fetchAdd");
    return (int) VALUE.getAndAdd(this, delta);
  }

  /** {@code atomic_fetch_add_release()}: returns the old value. */
  public int getAndAddRelease(int delta) {
    hook(this, "int.fetchAddRelease");
    return (int) VALUE.getAndAddRelease(this, delta);
  }

  /** {@code atomic_add_return()}: fully ordered, returns the new value. */
  public int addAndGet(int delta) {
    hook(this, "int.addReturn");
    return (int) VALUE.getAndAdd(this, delta) + delta;
  }

  @Override
  public String toString() {
    return String.valueOf(VALUE.getOpaque(this));
  }
}
