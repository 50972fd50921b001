package fx.mm;

import fx.config.IfConfig;

/** The same method defined twice under overlapping conditions: javac rejects that variant. */
public final class Mmap {
  @IfConfig("MMU")
  static int releaseFaultLock(int vmf) {
    return vmf;
  }

  @IfConfig("PER_VMA_LOCK || !MMU")
  static int releaseFaultLock(int vmf) {
    return -vmf;
  }
}
