/**
 * Synchronisation primitives with kernel semantics (rwsem, seqcount, refcount_t, rcuwait, RCU,
 * lockdep), the task context ({@code current}, fatal signals, user/kernel mode and the exception
 * table), WARN/BUG reporting, and the type-safe reuse pool, all built over the {@link
 * dev.lockkit.lockcore.sync.Platform} SPI so that the golden harness can schedule every
 * shared-memory operation.
 *
 * <p>Mirrors {@code kernel/locking/rwsem.c}, {@code include/linux/seqlock.h}, {@code
 * include/linux/refcount.h}, {@code include/linux/rcuwait.h} / {@code kernel/exit.c}, {@code
 * kernel/rcu/} (as userspace-RCU's memb flavour), {@code kernel/locking/lockdep.c}, {@code
 * include/asm-generic/bug.h}, {@code include/linux/sched/signal.h}, {@code kernel/extable.c} and
 * {@code SLAB_TYPESAFE_BY_RCU} of {@code mm/slab_common.c}.
 *
 * <p>Rule for the whole of lockcore: state shared between tasks lives in {@link
 * dev.lockkit.lockcore.sync.SharedInt} / {@link dev.lockkit.lockcore.sync.SharedLong} / {@link
 * dev.lockkit.lockcore.sync.SharedRef} cells or under a {@link dev.lockkit.lockcore.sync.SpinLock};
 * blocking goes through {@link dev.lockkit.lockcore.sync.Platform#park} only, never {@code
 * synchronized}, {@code wait} or {@code java.util.concurrent.locks}.
 *
 * <p>Use-after-free detection ({@link dev.lockkit.lockcore.sync.Poisonable}'s poison checks) is the
 * model's KASAN: always on under a controlled platform (golden, Fray), where each check is a
 * scheduling point, and on the real JVM only when enabled ({@code -Dlockcore.kasan=true} or {@link
 * dev.lockkit.lockcore.sync.Kasan#enable()}), since a production kernel does not check either. Off,
 * the checks cost nothing in compiled code; on, about 0.9 ns of a per-VMA fault's read path, and
 * with it the inlining of {@code lock_vma_under_rcu()} (see {@link
 * dev.lockkit.lockcore.sync.Kasan}).
 */
package dev.lockkit.lockcore.sync;
