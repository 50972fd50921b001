package dev.lockkit.golden.lockcore.memory;

import dev.lockkit.golden.scenario.Op;

/**
 * A VMA of the initial address space: lockcore's setup line {@code vma START END PERMS
 * [growsdown|growsup]}.
 *
 * @param start first address, page aligned
 * @param end one past the last address, page aligned
 * @param perms {@code /proc/<pid>/maps}-style permissions, e.g. {@code rw-}
 * @param growth {@code none}, {@code growsdown} (VM_GROWSDOWN, a stack) or {@code growsup}
 */
public record Vma(long start, long end, String perms, Growth growth) implements Op {

  /** Stack growth direction flag. */
  public enum Growth {
    /** An ordinary mapping. */
    NONE,
    /** VM_GROWSDOWN. */
    GROWSDOWN,
    /** VM_GROWSUP. */
    GROWSUP
  }

  /** Validates the range and permissions. */
  public Vma {
    Addresses.checkRange(start, end);
    Addresses.checkPerms(perms);
  }

  /** An ordinary mapping {@code [start, end)} with {@code perms}. */
  public Vma(long start, long end, String perms) {
    this(start, end, perms, Growth.NONE);
  }

  /** The {@code .scn} line for this VMA. */
  @Override
  public String toText() {
    return "vma "
        + Addresses.hex(start)
        + " "
        + Addresses.hex(end)
        + " "
        + perms
        + (growth == Growth.NONE ? "" : " " + growth.name().toLowerCase(java.util.Locale.ROOT));
  }
}
