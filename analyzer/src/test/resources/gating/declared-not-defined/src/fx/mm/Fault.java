package fx.mm;

import fx.config.Config;
import fx.config.Option;

/**
 * The reviewer's question: is lock_mm_and_find_vma() missing for MMU && !LOCK_MM_AND_FIND_VMA?
 * Declared, never defined there, and never called there either: such architectures use their own
 * fault path.
 */
public final class Fault {
  static int handle(Config c, LockMmAndFindVma lock, long address) {
    if (c.isEnabled(Option.LOCK_MM_AND_FIND_VMA) || !c.isEnabled(Option.MMU)) {
      return lock.lock(address);
    }
    return archFault(address);
  }

  static int archFault(long address) {
    return 2;
  }
}
