package fx.mm;

import fx.config.IfConfig;

/** mm/memory.c: the generic MMU version. */
@IfConfig("MMU && LOCK_MM_AND_FIND_VMA")
public final class MmuLockMmAndFindVma implements LockMmAndFindVma {
  @Override
  public int lock(long address) {
    return 1;
  }
}
