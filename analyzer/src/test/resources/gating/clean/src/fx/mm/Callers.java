package fx.mm;

import fx.config.Config;
import fx.config.Option;

/** Every guard form the analysis understands, each used correctly. */
public final class Callers {
  static int ifElse(Config c, long address) {
    if (c.isEnabled(Option.PER_VMA_LOCK)) {
      return VmaLock.startRead(address);
    } else {
      return -1;
    }
  }

  static int earlyExit(Config c, long address) {
    if (!c.isEnabled(Option.PER_VMA_LOCK)) {
      return -1;
    }
    int r = VmaLock.startRead(address);
    return r + VmaLock.stats();
  }

  static int conditional(Config c, long address) {
    return c.isEnabled(Option.PER_VMA_LOCK) ? VmaLock.startRead(address) : 0;
  }

  static boolean shortCircuit(Config c, long address) {
    return c.isEnabled(Option.PER_VMA_LOCK) && VmaLock.startRead(address) > 0;
  }

  static int orElse(Config c, long address) {
    if (!c.isEnabled(Option.PER_VMA_LOCK) || !c.isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      return 0;
    }
    return VmaLock.depMap;
  }

  static int throwing(Config c) {
    if (!c.isEnabled(Option.PER_VMA_LOCK)) {
      throw new IllegalStateException("no per-VMA locks");
    }
    return VmaLock.stats();
  }
}
