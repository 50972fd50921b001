package dev.lockkit.lockcore.sync;

/**
 * The errno values lockcore returns, as positive constants like {@code include/uapi/asm-generic/
 * errno-base.h}; kernel functions return them negated ({@code -EINTR}).
 */
public final class Errno {
  /** Operation not permitted. */
  public static final int EPERM = 1;

  /** No such entry. */
  public static final int ENOENT = 2;

  /** Interrupted (a killable wait saw a fatal signal). */
  public static final int EINTR = 4;

  /** Try again (a VMA was detached under a lockless reader). */
  public static final int EAGAIN = 11;

  /** Out of memory, or an address range is not (fully) mapped. */
  public static final int ENOMEM = 12;

  /** Permission denied. */
  public static final int EACCES = 13;

  /** Bad address. */
  public static final int EFAULT = 14;

  /** Already exists (MAP_FIXED_NOREPLACE over a mapping). */
  public static final int EEXIST = 17;

  /** Invalid argument. */
  public static final int EINVAL = 22;

  private Errno() {}

  /** The symbolic name of {@code err} (sign ignored), e.g. {@code "-EINTR"} for -4. */
  public static String name(long err) {
    String sign = err < 0 ? "-" : "";
    switch ((int) Math.abs(err)) {
      case 0:
        return "0";
      case EPERM:
        return sign + "EPERM";
      case ENOENT:
        return sign + "ENOENT";
      case EINTR:
        return sign + "EINTR";
      case EAGAIN:
        return sign + "EAGAIN";
      case ENOMEM:
        return sign + "ENOMEM";
      case EACCES:
        return sign + "EACCES";
      case EFAULT:
        return sign + "EFAULT";
      case EEXIST:
        return sign + "EEXIST";
      case EINVAL:
        return sign + "EINVAL";
      default:
        return String.valueOf(err);
    }
  }
}
