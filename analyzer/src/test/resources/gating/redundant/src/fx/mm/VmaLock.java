package fx.mm;

import fx.config.Config;
import fx.config.IfConfig;
import fx.config.Option;

/** #ifdef CONFIG_MMU inside #ifdef CONFIG_PER_VMA_LOCK: PER_VMA_LOCK already depends on MMU. */
@IfConfig("PER_VMA_LOCK")
public final class VmaLock {
  @IfConfig("MMU")
  static void assertLocked() {}

  static int count(Config c) {
    if (c.isEnabled(Option.SMP)) {
      return 1;
    }
    return 0;
  }
}
