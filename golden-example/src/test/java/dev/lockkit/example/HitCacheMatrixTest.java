package dev.lockkit.example;

import dev.lockkit.golden.junit.Expect;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.Instrumented;
import dev.lockkit.golden.junit.Outcome;
import dev.lockkit.golden.junit.VariantMatrixTest;
import dev.lockkit.golden.matrix.Variant;

/** One approved file per build variant of this module's Kconfig. */
class HitCacheMatrixTest {

  @VariantMatrixTest(source = CacheVariants.class)
  @Instrumented
  @Outcome(id = "hits=2|no stats", expect = Expect.ACCEPTABLE)
  @Outcome(id = "hits=1", expect = Expect.INTERESTING, desc = "lost update without ATOMIC_STATS")
  void twoHits(Variant variant) {
    Golden.of(() -> new HitCache(variant.isEnabled("STATS"), variant.isEnabled("ATOMIC_STATS")))
        .actor(c -> c.get("a"))
        .actor(c -> c.get("a"))
        .arbiter(HitCache::stats)
        .verify(variant);
  }
}
