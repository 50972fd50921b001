package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.OptionalInt;

/** The CONFIG_PER_VMA_LOCK definitions over {@code mm->mm_lock_seq}. */
@IfConfig("PER_VMA_LOCK")
public final class MmLockSeqPerVma implements MmLockSeq {
  @Override
  public void begin(MmStruct mm) {
    mm.mmLockSeq().writeBegin();
  }

  @Override
  public void end(MmStruct mm) {
    mm.mmLockSeq().writeEnd();
  }

  @Override
  public OptionalInt speculateTryBegin(MmStruct mm) {
    return mm.mmLockSeq().tryBegin();
  }

  @Override
  public boolean speculateRetry(MmStruct mm, int seq) {
    return mm.mmLockSeq().readRetry(seq);
  }

  @Override
  public void vmaEndWriteAll(MmStruct mm) {
    mm.mmapLock().assertHeldWrite();
    end(mm);
  }
}
