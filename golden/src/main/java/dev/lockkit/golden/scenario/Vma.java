package dev.lockkit.golden.scenario;

/**
 * A VMA of the initial address space.
 *
 * @param start first address, page aligned
 * @param end one past the last address, page aligned
 * @param perms {@code /proc/<pid>/maps}-style permissions, e.g. {@code rw-}
 * @param growth {@code none}, {@code growsdown} (VM_GROWSDOWN, a stack) or {@code growsup}
 */
public record Vma(long start, long end, String perms, Growth growth) {

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

  /** The {@code .scn} line for this VMA. */
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
