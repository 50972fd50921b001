package fx.mm;

import fx.config.Config;
import fx.config.IfConfig;
import fx.config.Option;

/** The kernel has no CONFIG_NOMMU; and the prefix is never written. */
public final class Nommu {
  @IfConfig("NOMMU")
  static void nommuOnly() {}

  @IfConfig("CONFIG_PER_VMA_LOK")
  static void typo() {}

  @IfConfig("CONFIG_MMU")
  static void prefixed() {}

  static int guarded(Config c) {
    if (c.isEnabled(Option.NOMMU)) {
      return 1;
    }
    return 0;
  }
}
