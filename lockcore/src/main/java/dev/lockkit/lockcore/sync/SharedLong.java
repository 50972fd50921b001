package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shared {@code long} word: the Java form of a kernel {@code atomic_long_t} and of a plain field
 * read with {@code READ_ONCE()} / written with {@code WRITE_ONCE()}.
 *
 * <p>Every operation first calls {@link Platform#beforeSharedAccess} so that a controlled platform
 * can interleave tasks here and only here. Memory ordering is spelled out per method with {@link
 * VarHandle} access modes: the plain {@link #get()}/{@link #set} are volatile (sequentially
 * consistent), the safe default for code ported from the kernel's fully ordered atomics; the
 * acquire/release and opaque forms exist for the places where the kernel relies on exactly that
 * ordering ({@code smp_load_acquire}, {@code smp_store_release}, {@code READ_ONCE}).
 */
public final class SharedLong {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(SharedLong.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through VALUE only
  private long value;

  // The platform is captured when the cell is made (the kernel that owns the cell is built under
  // it), so no operation reads the process-wide Platforms global: that read sat on every primitive
  // of the hot paths. A final field: the JIT sees one platform per cell and inlines the real JVM's
  // no-op hook.
  private final Platform platform;

  /** A cell holding {@code initial}; publication happens with the object that owns the cell. */
  public SharedLong(long initial) {
    this(initial, Platforms.current());
  }

  /**
   * A cell holding {@code initial} whose operations go through {@code platform}: for cells a
   * primitive makes on demand, which take the platform of the primitive that owns them.
   */
  public SharedLong(long initial, Platform platform) {
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
  public long get() {
    hook(this, "long.get");
    return (long) VALUE.getVolatile(this);
  }

  /** {@code READ_ONCE()}: a single untorn load with no ordering (opaque). */
  public long getOpaque() {
    hook(this, "long.getOpaque");
    return (long) VALUE.getOpaque(this);
  }

  /** {@code smp_load_acquire()}: later accesses cannot move before this load. */
  public long getAcquire() {
    hook(this, "long.getAcquire");
    return (long) VALUE.getAcquire(this);
  }

  /** Fully ordered store (volatile). */
  public void set(long v) {
    hook(this, "long.set");
    VALUE.setVolatile(this, v);
  }

  /** {@code WRITE_ONCE()}: a single untorn store with no ordering (opaque). */
  public void setOpaque(long v) {
    hook(this, "long.setOpaque");
    VALUE.setOpaque(this, v);
  }

  /** {@code smp_store_release()}: earlier accesses cannot move after this store. */
  public void setRelease(long v) {
    hook(this, "long.setRelease");
    VALUE.setRelease(this, v);
  }

  /** {@code cmpxchg()}: fully ordered compare-and-set. */
  public boolean compareAndSet(long expected, long v) {
    hook(this, "long.cas");
    return VALUE.compareAndSet(this, expected, v);
  }

  /** {@code cmpxchg()} returning the witness value (fully ordered). */
  public long compareAndExchange(long expected, long v) {
    hook(this, "long.cmpxchg");
    return (long) VALUE.compareAndExchange(this, expected, v);
  }

  /** {@code cmpxchg_acquire()} returning the witness value. */
  public long compareAndExchangeAcquire(long expected, long v) {
    hook(this, "long.cmpxchgAcquire");
    return (long) VALUE.compareAndExchangeAcquire(this, expected, v);
  }

  /** {@code xchg()}: fully ordered exchange, returning the old value. */
  public long getAndSet(long v) {
    hook(this, "long.xchg");
    return (long) VALUE.getAndSet(this, v);
  }

  /** {@code atomic_fetch_add()}: fully ordered, returns the old value. */
  public long getAndAdd(long delta) {
    hook(this, "long.fetchAdd");
    return (long) VALUE.getAndAdd(this, delta);
  }

  /** {@code atomic_fetch_add_release()}: returns the old value. */
  public long getAndAddRelease(long delta) {
    hook(this, "long.fetchAddRelease");
    return (long) VALUE.getAndAddRelease(this, delta);
  }

  /** {@code atomic_add_return()}: fully ordered, returns the new value. */
  public long addAndGet(long delta) {
    hook(this, "long.addReturn");
    return (long) VALUE.getAndAdd(this, delta) + delta;
  }

  @Override
  public String toString() {
    return String.valueOf(VALUE.getOpaque(this));
  }
}
