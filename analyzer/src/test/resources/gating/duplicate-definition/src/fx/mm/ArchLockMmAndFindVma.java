package fx.mm;

import fx.config.IfConfig;

/** ...so it collides with the architecture's own version. */
@IfConfig("MMU && !LOCK_MM_AND_FIND_VMA")
public final class ArchLockMmAndFindVma implements LockMmAndFindVma {
  @Override
  public int lock(long address) {
    return 3;
  }
}
