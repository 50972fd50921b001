package dev.lockkit.lockcore.sync;

/** What a {@link Report} records. */
public enum ReportKind {
  /** {@code WARN_ON()} / {@code WARN_ON_ONCE()}: the kernel goes on. */
  WARN,
  /** {@code BUG_ON()} / {@code VM_BUG_ON*()}: the operation is abandoned with {@link KernelBug}. */
  BUG,
  /** A lockdep splat (only with DEBUG_LOCK_ALLOC). */
  LOCKDEP,
  /** An access to a poisoned (freed) object: {@link PoisonFault}. */
  POISON,
  /** A kernel-mode fault with no exception-table fixup ("Oops"). */
  OOPS
}
