package dev.lockkit.golden.lockcore.memory;

/** Address parsing and checks shared by the parser and the builder. */
public final class Addresses {

  /** Page size of the modelled machine. */
  public static final long PAGE_SIZE = 4096;

  /** One past the highest user address (x86-64's 47-bit user half). */
  public static final long TASK_SIZE = 1L << 47;

  private Addresses() {}

  /**
   * Parses {@code 0x}-prefixed hex or decimal.
   *
   * @throws IllegalArgumentException "bad address ..." for anything else or out of range
   */
  public static long parse(String text) {
    long v;
    try {
      v =
          text.startsWith("0x") || text.startsWith("0X")
              ? Long.parseUnsignedLong(text.substring(2).replace("_", ""), 16)
              : Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad address '" + text + "': expected hex (0x1000) or decimal");
    }
    return check(v, text);
  }

  static long check(long v, String shown) {
    if (v < 0 || v >= TASK_SIZE) {
      throw new IllegalArgumentException(
          "bad address '"
              + shown
              + "': outside user space [0, 0x"
              + Long.toHexString(TASK_SIZE)
              + ")");
    }
    return v;
  }

  /** Checks that {@code [start, end)} is a non-empty page-aligned range. */
  static void checkRange(long start, long end) {
    check(start, hex(start));
    if (end != TASK_SIZE) {
      check(end, hex(end));
    }
    if (start % PAGE_SIZE != 0 || end % PAGE_SIZE != 0) {
      throw new IllegalArgumentException(
          "bad address range " + hex(start) + "-" + hex(end) + ": not page aligned (4096)");
    }
    if (end <= start) {
      throw new IllegalArgumentException(
          "bad address range " + hex(start) + "-" + hex(end) + ": end must be above start");
    }
  }

  /** Canonical text of an address: lower-case hex with {@code 0x}. */
  public static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** Checks a {@code /proc/<pid>/maps}-style permission string: {@code [r-][w-][x-]}. */
  static String checkPerms(String perms) {
    if (!perms.matches("[r-][w-][x-]")) {
      throw new IllegalArgumentException(
          "bad permissions '" + perms + "': expected three characters like rw- or r-x");
    }
    return perms;
  }
}
