package fx.mm;

import fx.config.IfConfig;

/** mm/nommu.c: the NOMMU version. */
@IfConfig("!MMU")
public final class NommuLockMmAndFindVma implements LockMmAndFindVma {
  @Override
  public int lock(long address) {
    return 0;
  }
}
