package fx.mm;

import fx.config.IfConfig;

/** The kernel has no CONFIG_NOMMU; and the prefix is never written. */
public final class Nommu {
  @IfConfig("NOMMU")
  static void nommuOnly() {}

  @IfConfig("CONFIG_PER_VMA_LOK")
  static void typo() {}

  @IfConfig("CONFIG_MMU")
  static void prefixed() {}
}
