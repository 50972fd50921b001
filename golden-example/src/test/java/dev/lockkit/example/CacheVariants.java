package dev.lockkit.example;

import dev.lockkit.golden.matrix.KconfigFile;

/** The variant matrix of the example: every valid configuration of this module's Kconfig. */
public final class CacheVariants extends KconfigFile {
  public CacheVariants() {
    super("Kconfig");
  }
}
