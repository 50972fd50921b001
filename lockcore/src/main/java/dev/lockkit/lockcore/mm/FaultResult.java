package dev.lockkit.lockcore.mm;

/**
 * What a fault ended in, as user space or the faulting kernel code sees it.
 *
 * @param outcome the end state
 * @param vmFault the last {@code VM_FAULT_*} code from {@code handle_mm_fault()} (0 if not called)
 * @param vmaLocked whether the fault was completed on the per-VMA lock path
 */
public record FaultResult(Outcome outcome, int vmFault, boolean vmaLocked) {

  /** End states of {@code do_user_addr_fault()}. */
  public enum Outcome {
    /** The page is mapped; the access can be restarted. */
    OK,
    /** SIGSEGV with SEGV_MAPERR: nothing mapped there. */
    SIGSEGV_MAPERR,
    /** SIGSEGV with SEGV_ACCERR: mapped, but the access is not allowed. */
    SIGSEGV_ACCERR,
    /** SIGBUS. */
    SIGBUS,
    /** Out of memory. */
    OOM,
    /** A fatal signal arrived while the fault waited; the task dies. */
    FATAL_SIGNAL,
    /** A kernel-mode fault fixed up through the exception table (the user copy returns -EFAULT). */
    KERNEL_FIXUP,
    /** A kernel-mode fault without fixup: an oops. */
    KERNEL_OOPS
  }

  /** Canonical text, e.g. {@code "OK fault=MAJOR path=mmap_lock"}. */
  @Override
  public String toString() {
    return outcome
        + " fault="
        + VmFault.describe(vmFault)
        + " path="
        + (vmaLocked ? "vma_lock" : "mmap_lock");
  }
}
