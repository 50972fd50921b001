package dev.lockkit.lockcore.sync;

/**
 * The part of {@code struct pt_regs} the fault path looks at.
 *
 * @param userMode {@code user_mode(regs)}: the fault came from user space
 * @param ip {@code exception_ip(regs)}: the faulting instruction, looked up in the exception table
 *     for kernel-mode faults
 */
public record PtRegs(boolean userMode, long ip) {
  /** A user-mode fault. */
  public static PtRegs user() {
    return new PtRegs(true, 0);
  }

  /** A kernel-mode fault at {@code ip} (e.g. inside {@code copy_from_user()}). */
  public static PtRegs kernel(long ip) {
    return new PtRegs(false, ip);
  }
}
