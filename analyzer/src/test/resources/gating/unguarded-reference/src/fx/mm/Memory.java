package fx.mm;

import fx.config.Config;
import fx.config.IfConfig;
import fx.config.Option;

/** lock_mm_and_find_vma() exists only with LOCK_MM_AND_FIND_VMA, but the fault path calls it for every MMU kernel. */
public final class Memory {
  @IfConfig("LOCK_MM_AND_FIND_VMA")
  static int lockMmAndFindVma(long address) {
    return (int) address;
  }

  static int fault(Config c, long address) {
    if (c.isEnabled(Option.MMU)) {
      return lockMmAndFindVma(address);
    }
    return -1;
  }

  static int guardedFault(Config c, long address) {
    if (!c.isEnabled(Option.LOCK_MM_AND_FIND_VMA)) {
      return -1;
    }
    return lockMmAndFindVma(address);
  }
}
