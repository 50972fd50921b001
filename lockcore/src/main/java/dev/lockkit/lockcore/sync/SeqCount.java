package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.OptionalInt;

/**
 * {@code seqcount_t}: a sequence number that is odd while a writer is inside its write section.
 * Writers must be serialised externally (for {@code mm_lock_seq}: by the mmap write lock).
 *
 * <p>Ordering: {@link #writeBegin} uses a fully ordered increment so that the odd value is visible
 * before any store of the write section ({@code smp_wmb()} after the increment); {@link #writeEnd}
 * uses a fully ordered increment so every store of the section is visible before the even value
 * ({@code smp_wmb()} before). Readers load with acquire and re-check after a load-load fence.
 */
public final class SeqCount {
  private static final VarHandle SEQUENCE;

  static {
    try {
      SEQUENCE = MethodHandles.lookup().findVarHandle(SeqCount.class, "sequence", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The sequence word in this object, not in a SharedInt of its own: mm_lock_seq is read twice on
  // every per-VMA lock, and the cell was one more dependent load each time. The operations keep
  // the cell's hooks, op names and access modes, so a controlled platform sees the same points.
  @SuppressWarnings("unused") // accessed through SEQUENCE only
  private int sequence;

  // Captured at construction, as a cell does (see Platform).
  private final Platform platform = Platforms.current();

  private void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /** {@code do_raw_write_seqcount_begin()}: the sequence becomes odd. */
  public void writeBegin() {
    hook("int.fetchAdd");
    SEQUENCE.getAndAdd(this, 1);
  }

  /** {@code do_raw_write_seqcount_end()}: the sequence becomes even again. */
  public void writeEnd() {
    hook("int.fetchAdd");
    SEQUENCE.getAndAdd(this, 1);
  }

  /** {@code raw_read_seqcount()}: the sequence with acquire ordering, odd or not. */
  public int rawRead() {
    hook("int.getAcquire");
    return (int) SEQUENCE.getAcquire(this);
  }

  /** {@code READ_ONCE(s->sequence)}: no ordering, for lockless early checks. */
  public int readOnce() {
    hook("int.getOpaque");
    return (int) SEQUENCE.getOpaque(this);
  }

  /** {@code read_seqcount_retry()}: whether a writer ran since {@code start} was read. */
  public boolean readRetry(int start) {
    VarHandle.loadLoadFence();
    hook("int.getOpaque");
    return (int) SEQUENCE.getOpaque(this) != start;
  }

  /**
   * {@code raw_seqcount_try_begin()}: the sequence if no writer is active, empty while it is odd.
   */
  public OptionalInt tryBegin() {
    int start = rawRead();
    return (start & 1) == 0 ? OptionalInt.of(start) : OptionalInt.empty();
  }
}
