package dev.lockkit.lockcore.config;

/**
 * Historical kernel bugs that lockcore can put back, one at a time, so that the golden suite can
 * show it catches them. Never part of a {@link Config}: a kernel gets one only through {@code
 * Kernel.bootWithHistoricalBug}, which nothing but tests calls, so a normal boot can never reach a
 * buggy path.
 *
 * <p>Design: each switch replaces exactly one fixed code path by the historical one (a separate
 * class, or one statement guarded by a constructor flag), and every switch-off path performs the
 * same synchronisation operations as before the switches existed, so golden traces are unchanged.
 */
public enum HistoricalBug {
  /**
   * StackRot (CVE-2023-3269): the stack is expanded under the mmap <em>read</em> lock, so the VMA
   * tree is modified while other readers walk it; the replaced tree node is freed after an RCU
   * grace period that a reader holding only the mmap read lock does not hold up, and that reader's
   * next access is to a freed (poisoned) node. MMU with LOCK_MM_AND_FIND_VMA, stacks growing down.
   */
  STACKROT,

  /**
   * The NOMMU {@code lock_mm_and_find_vma()} that returned failure with the mmap read lock still
   * held: the task's next write-locking operation (or any writer) hangs. !MMU only.
   */
  NOMMU_LOCK_LEAK,

  /**
   * The 6.4 fork corruption: {@code dup_mmap()} copies the parent's VMAs and page tables under the
   * mmap write lock only, without {@code vma_start_write()} on each parent VMA, so a fault under
   * the parent's per-VMA lock still changes a VMA's page tables while it is being copied; the child
   * is then not a copy of the parent as of fork's {@code flush_tlb_mm()}, which lockcore reports as
   * a WARN (the kernel's symptom was memory corruption through the copy-on-write pages). Fixed by
   * write-locking every parent VMA in {@code dup_mmap()}. PER_VMA_LOCK only.
   */
  FORK_WITHOUT_VMA_LOCK,

  /**
   * VMA reuse under {@code SLAB_TYPESAFE_BY_RCU} without the {@code vm_mm} check (fixed in 6.16.1,
   * "mm: fix a UAF when vma->mm is freed after vma->vm_refcnt got dropped"): {@code
   * lock_vma_under_rcu()} finds a VMA in the tree under RCU only; before {@code vma_start_read()}
   * takes its reference the VMA is freed and reused for another mm (a fork child). The reference is
   * taken on the child's VMA, {@code lock_vma_under_rcu()} sees the foreign {@code vm_mm} and drops
   * it with {@code vma_end_read()}; when the child's exit is draining readers from that VMA, the
   * drop makes its writer-only count visible, the exit goes on and frees the child's mm_struct, and
   * the reader's {@code rcuwait_wake_up(&mm->vma_writer_wait)} touches the freed mm (lockcore
   * reports a poisoned access). The fix checks {@code vm_mm} inside {@code vma_start_read()} and
   * pins the other mm ({@code mmgrab()}) across the put. PER_VMA_LOCK only.
   */
  VMA_REUSE_WITHOUT_MM_CHECK
}
