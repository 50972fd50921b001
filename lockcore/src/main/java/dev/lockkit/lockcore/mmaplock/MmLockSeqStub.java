package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.OptionalInt;

/**
 * The {@code !CONFIG_PER_VMA_LOCK} stubs: no sequence; speculation always fails (try_begin false,
 * retry true) so callers always take the lock.
 */
@IfConfig("!PER_VMA_LOCK")
public final class MmLockSeqStub implements MmLockSeq {
  @Override
  public void begin(MmStruct mm) {}

  @Override
  public void end(MmStruct mm) {}

  @Override
  public OptionalInt speculateTryBegin(MmStruct mm) {
    return OptionalInt.empty();
  }

  @Override
  public boolean speculateRetry(MmStruct mm, int seq) {
    return true;
  }

  @Override
  public void vmaEndWriteAll(MmStruct mm) {}
}
