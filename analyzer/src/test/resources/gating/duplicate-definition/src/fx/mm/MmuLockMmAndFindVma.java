package fx.mm;

import fx.config.IfConfig;

/** The generic MMU version, wrongly gated on MMU alone... */
@IfConfig("MMU")
public final class MmuLockMmAndFindVma implements LockMmAndFindVma {
  @Override
  public int lock(long address) {
    return 1;
  }
}
