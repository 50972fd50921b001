package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * {@code struct vm_fault}: one fault being handled, with the {@code FAULT_FLAG_*} and {@code
 * VM_FAULT_*} constants of {@code include/linux/mm_types.h}.
 */
public final class VmFault {
  /** {@code FAULT_FLAG_WRITE}. */
  public static final int FAULT_FLAG_WRITE = 1 << 0;

  /** {@code FAULT_FLAG_MKWRITE}. */
  public static final int FAULT_FLAG_MKWRITE = 1 << 1;

  /** {@code FAULT_FLAG_ALLOW_RETRY}: the handler may drop the lock and ask to be retried. */
  public static final int FAULT_FLAG_ALLOW_RETRY = 1 << 2;

  /** {@code FAULT_FLAG_RETRY_NOWAIT}. */
  public static final int FAULT_FLAG_RETRY_NOWAIT = 1 << 3;

  /** {@code FAULT_FLAG_KILLABLE}: waits in the handler may be interrupted by a fatal signal. */
  public static final int FAULT_FLAG_KILLABLE = 1 << 4;

  /** {@code FAULT_FLAG_TRIED}: this is a retry. */
  public static final int FAULT_FLAG_TRIED = 1 << 5;

  /** {@code FAULT_FLAG_USER}: the fault came from user space. */
  public static final int FAULT_FLAG_USER = 1 << 6;

  /** {@code FAULT_FLAG_REMOTE}. */
  public static final int FAULT_FLAG_REMOTE = 1 << 7;

  /** {@code FAULT_FLAG_INSTRUCTION}. */
  public static final int FAULT_FLAG_INSTRUCTION = 1 << 8;

  /** {@code FAULT_FLAG_INTERRUPTIBLE}. */
  public static final int FAULT_FLAG_INTERRUPTIBLE = 1 << 9;

  /** {@code FAULT_FLAG_VMA_LOCK}: handled under the per-VMA lock, not the mmap_lock. */
  public static final int FAULT_FLAG_VMA_LOCK = 1 << 12;

  /** {@code FAULT_FLAG_DEFAULT}. */
  public static final int FAULT_FLAG_DEFAULT =
      FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE | FAULT_FLAG_INTERRUPTIBLE;

  /** {@code VM_FAULT_OOM}. */
  public static final int VM_FAULT_OOM = 0x000001;

  /** {@code VM_FAULT_SIGBUS}. */
  public static final int VM_FAULT_SIGBUS = 0x000002;

  /** {@code VM_FAULT_MAJOR}: the fault needed IO. */
  public static final int VM_FAULT_MAJOR = 0x000004;

  /** {@code VM_FAULT_SIGSEGV}. */
  public static final int VM_FAULT_SIGSEGV = 0x000040;

  /** {@code VM_FAULT_RETRY}: the lock was dropped; retry the fault. */
  public static final int VM_FAULT_RETRY = 0x000400;

  /** {@code VM_FAULT_COMPLETED}: handled, and the lock was already dropped. */
  public static final int VM_FAULT_COMPLETED = 0x004000;

  /** {@code VM_FAULT_ERROR}. */
  public static final int VM_FAULT_ERROR = VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV;

  private final VmAreaStruct vma;
  private final long address;
  private final int flags;

  /** A fault at {@code address} in {@code vma} with {@code flags}. */
  public VmFault(VmAreaStruct vma, long address, int flags) {
    this.vma = vma;
    this.address = address;
    this.flags = flags;
  }

  /** {@code vmf->vma}. */
  public VmAreaStruct vma() {
    return vma;
  }

  /** {@code vmf->address}. */
  public long address() {
    return address;
  }

  /** {@code vmf->flags}. */
  public int flags() {
    return flags;
  }

  /**
   * The {@code VM_FAULT_*} bits of {@code code} as text, e.g. {@code "RETRY|MAJOR"} or {@code "0"}.
   */
  public static String describe(int code) {
    if (code == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    String[] names = {"OOM", "SIGBUS", "MAJOR", "SIGSEGV", "RETRY", "COMPLETED"};
    int[] bits = {
      VM_FAULT_OOM,
      VM_FAULT_SIGBUS,
      VM_FAULT_MAJOR,
      VM_FAULT_SIGSEGV,
      VM_FAULT_RETRY,
      VM_FAULT_COMPLETED
    };
    for (int i = 0; i < bits.length; i++) {
      if ((code & bits[i]) != 0) {
        sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
      }
    }
    return sb.toString();
  }
}
