package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmFlags;

/** The configurations and address-space layout the lockcore benchmarks share. */
final class Kernels {

  /** Faults take the per-VMA lock first (the kernel's default on x86 and arm64). */
  static final String PER_VMA =
      "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,SMP";

  /** Faults take mmap_lock for read (a kernel before 6.4, or an architecture without it). */
  static final String MMAP = "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,SMP";

  /** The debugging options whose cost issue 8 asks for. */
  static final String DEBUG = ",DEBUG_LOCK_ALLOC,TRACING";

  /**
   * First of the VMAs, one per slot, each {@link #STRIDE} apart so that no two are adjacent
   * (adjacent anonymous VMAs with equal flags would be merged by mmap and mprotect) and each has
   * its own page-table page, hence its own split PTL, as separate mappings of a real process mostly
   * do.
   */
  static final long BASE = 0x1000_0000L;

  static final long STRIDE = dev.lockkit.lockcore.types.PageTables.PMD_SIZE;

  /** Slots 0 and 1 are the faulting threads' VMAs; slot 2 is the one mprotect toggles. */
  static final int SLOTS = 3;

  static final int MPROTECT_SLOT = 2;

  private Kernels() {}

  /**
   * Boots a kernel for {@code path} ("pervma" or "mmap") and {@code variant} ("base" or "debug").
   * The debug variant attaches a no-op trace sink, because with no sink the tracepoints are
   * compiled in but disabled and cost one volatile read.
   */
  static Kernel boot(String path, String variant) {
    String name =
        switch (path) {
          case "pervma" -> PER_VMA;
          case "mmap" -> MMAP;
          default -> throw new IllegalArgumentException("path " + path);
        };
    boolean debug =
        switch (variant) {
          case "base" -> false;
          case "debug" -> true;
          default -> throw new IllegalArgumentException("variant " + variant);
        };
    Kernel k = Kernel.boot(Config.parse(debug ? name + DEBUG : name));
    if (debug) {
      k.setTraceSink(event -> {});
    }
    return k;
  }

  /** A fresh address space with {@link #SLOTS} one-page-deep, read-write anonymous VMAs. */
  static MmStruct mapSlots(Kernel k) {
    MmStruct mm = k.newMm();
    for (int i = 0; i < SLOTS; i++) {
      long want = address(i);
      long got =
          k.mmap(
              mm,
              want,
              4 * VmFlags.PAGE_SIZE,
              Kernel.PROT_READ | Kernel.PROT_WRITE,
              Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS | Kernel.MAP_FIXED_NOREPLACE);
      if (got != want) {
        throw new IllegalStateException("mmap of slot " + i + " returned " + got);
      }
    }
    return mm;
  }

  static long address(int slot) {
    return BASE + slot * STRIDE;
  }
}
