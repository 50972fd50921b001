package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;

/** {@code vm_flags} bits and page constants of {@code include/linux/mm.h}. */
public final class VmFlags {
  /** {@code PAGE_SHIFT}. */
  public static final int PAGE_SHIFT = 12;

  /** {@code PAGE_SIZE}. */
  public static final long PAGE_SIZE = 1L << PAGE_SHIFT;

  /** {@code PAGE_MASK}. */
  public static final long PAGE_MASK = ~(PAGE_SIZE - 1);

  /** {@code TASK_SIZE} of the modelled 47-bit user address space. */
  public static final long TASK_SIZE = 1L << 47;

  /** {@code mmap_min_addr}: nothing may be mapped below it. */
  public static final long MMAP_MIN_ADDR = 0x10000;

  /** {@code stack_guard_gap}: 256 pages kept free below a growing stack. */
  public static final long STACK_GUARD_GAP = 256 * PAGE_SIZE;

  /** {@code RLIMIT_STACK}: the default 8 MiB stack limit. */
  public static final long RLIMIT_STACK = 8L << 20;

  /** {@code VM_NONE}. */
  public static final long VM_NONE = 0;

  /** {@code VM_READ}. */
  public static final long VM_READ = 0x1;

  /** {@code VM_WRITE}. */
  public static final long VM_WRITE = 0x2;

  /** {@code VM_EXEC}. */
  public static final long VM_EXEC = 0x4;

  /** {@code VM_SHARED}. */
  public static final long VM_SHARED = 0x8;

  /** {@code VM_MAYREAD}. */
  public static final long VM_MAYREAD = 0x10;

  /** {@code VM_MAYWRITE}. */
  public static final long VM_MAYWRITE = 0x20;

  /** {@code VM_MAYEXEC}. */
  public static final long VM_MAYEXEC = 0x40;

  /** {@code VM_MAYSHARE}. */
  public static final long VM_MAYSHARE = 0x80;

  /** {@code VM_GROWSDOWN}: a stack that grows down into the gap below it. */
  public static final long VM_GROWSDOWN = 0x100;

  /**
   * The bit {@code VM_GROWSUP} uses ({@code VM_ARCH_1}). The kernel defines {@code VM_GROWSUP} as
   * this bit only with STACK_GROWSUP and as {@code VM_NONE} otherwise: use {@link #vmGrowsUp}.
   */
  public static final long VM_GROWSUP_BIT = 0x01000000;

  private VmFlags() {}

  /** {@code VM_GROWSUP} in {@code config}. */
  public static long vmGrowsUp(Config config) {
    if (config.isEnabled(Option.STACK_GROWSUP)) {
      return VM_GROWSUP_BIT;
    }
    return VM_NONE;
  }

  /** {@code VM_STACK}: the growth flag of a stack VMA in {@code config}. */
  public static long vmStack(Config config) {
    if (config.isEnabled(Option.STACK_GROWSUP)) {
      return VM_GROWSUP_BIT;
    }
    return VM_GROWSDOWN;
  }

  /** {@code vma_is_accessible()}: any of read, write, exec. */
  public static boolean accessible(long flags) {
    return (flags & (VM_READ | VM_WRITE | VM_EXEC)) != 0;
  }

  /**
   * {@code vm_get_page_prot()} stand-in: the protection bits the page tables get, derived from the
   * flags (a private writable mapping maps read-only for copy-on-write, as on x86).
   */
  public static long pageProt(long flags) {
    long prot = flags & (VM_READ | VM_WRITE | VM_EXEC);
    if ((flags & VM_SHARED) == 0) {
      prot &= ~VM_WRITE;
      prot |= (flags & VM_WRITE) << 8; // remember "COW-writable" in a bit of its own
    }
    return prot;
  }

  /** {@code PAGE_ALIGN()}; 0 on overflow. */
  public static long pageAlign(long len) {
    long r = (len + PAGE_SIZE - 1) & PAGE_MASK;
    return Long.compareUnsigned(r, len) < 0 ? 0 : r;
  }

  /**
   * The permission column of {@code /proc/pid/maps}: {@code r}, {@code w}, {@code x}, {@code s/p}.
   */
  public static String mapsPerms(long flags) {
    return ""
        + ((flags & VM_READ) != 0 ? 'r' : '-')
        + ((flags & VM_WRITE) != 0 ? 'w' : '-')
        + ((flags & VM_EXEC) != 0 ? 'x' : '-')
        + ((flags & VM_MAYSHARE) != 0 ? 's' : 'p');
  }
}
