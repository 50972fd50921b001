package fx.mm;

import fx.config.IfConfig;

/** Malformed conditions: the error points into the string. */
public final class Broken {
  @IfConfig("MMU &&")
  static void dangling() {}

  @IfConfig("(MMU || SMP")
  static void unclosed() {}

  @IfConfig("MMU & SMP")
  static void singleAmpersand() {}
}
