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
 * each check is one opaque load of the switch and a branch; on, a plain load of the object's poison
 * word as well (see {@link dev.lockkit.lockcore.sync.Kasan}). Real-thread tests that hunt for
 * use-after-free enable it (lockcore's {@code StressTest} does).
 */
package dev.lockkit.lockcore.sync;
