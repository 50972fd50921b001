package fx.mm;

import fx.config.IfConfig;

/** Per-VMA locks: every use of a gated member is guarded by a condition that implies its own. */
@IfConfig("PER_VMA_LOCK")
public final class VmaLock {
  @IfConfig("DEBUG_LOCK_ALLOC")
  static int depMap;

  static int startRead(long address) {
    return (int) address;
  }

  @IfConfig("SMP")
  static int stats() {
    return 1;
  }
}
