package dev.lockkit.lockcore.sync;

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
  private final SharedInt sequence = new SharedInt(0);

  /** {@code do_raw_write_seqcount_begin()}: the sequence becomes odd. */
  public void writeBegin() {
    sequence.getAndAdd(1);
  }

  /** {@code do_raw_write_seqcount_end()}: the sequence becomes even again. */
  public void writeEnd() {
    sequence.getAndAdd(1);
  }

  /** {@code raw_read_seqcount()}: the sequence with acquire ordering, odd or not. */
  public int rawRead() {
    return sequence.getAcquire();
  }

  /** {@code READ_ONCE(s->sequence)}: no ordering, for lockless early checks. */
  public int readOnce() {
    return sequence.getOpaque();
  }

  /** {@code read_seqcount_retry()}: whether a writer ran since {@code start} was read. */
  public boolean readRetry(int start) {
    VarHandle.loadLoadFence();
    return sequence.getOpaque() != start;
  }

  /**
   * {@code raw_seqcount_try_begin()}: the sequence if no writer is active, empty while it is odd.
   */
  public OptionalInt tryBegin() {
    int start = rawRead();
    return (start & 1) == 0 ? OptionalInt.of(start) : OptionalInt.empty();
  }
}
