package fx.mm;

import fx.config.Config;
import fx.config.IfConfig;
import fx.config.Option;

/** Conditions no valid configuration satisfies: PER_VMA_LOCK depends on MMU. */
public final class VmaLock {
  @IfConfig("PER_VMA_LOCK && !MMU")
  static void impossible() {}

  @IfConfig("PER_VMA_LOCK")
  static int startRead(Config c) {
    if (!c.isEnabled(Option.MMU)) {
      return -1;
    }
    return 0;
  }
}
