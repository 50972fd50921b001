package dev.lockkit.bench.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Uncontended read round trips of the JDK's read-write locks and the single CAS underneath them.
 *
 * <p>Average time per operation in ns, one thread: these are the denominators of the lockcore
 * targets (per-VMA path within 1.5x of {@link ReentrantReadWriteLock}'s read lock, rwsem within
 * 1.2x). Each lock lives in a thread-scoped state so the round trip never moves a cache line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class JdkLockBench {

  private final AtomicLong cell = new AtomicLong();
  private final ReentrantReadWriteLock rrwl = new ReentrantReadWriteLock();
  private final ReentrantReadWriteLock.ReadLock rrwlRead = rrwl.readLock();
  private final StampedLock stamped = new StampedLock();

  /** The floor: one successful uncontended CAS (plus the volatile read that feeds it). */
  @Benchmark
  public boolean casFloor() {
    long v = cell.get();
    return cell.compareAndSet(v, v + 1);
  }

  /**
   * ReentrantReadWriteLock read lock + unlock: two CASes on the AQS state, plus the per-thread hold
   * count bookkeeping (first-reader fast path when uncontended).
   */
  @Benchmark
  public void rrwlReadRoundTrip() {
    rrwlRead.lock();
    rrwlRead.unlock();
  }

  /** StampedLock read lock + unlock: one CAS in, one CAS out. */
  @Benchmark
  public long stampedReadRoundTrip() {
    long stamp = stamped.readLock();
    stamped.unlockRead(stamp);
    return stamp;
  }

  /**
   * StampedLock optimistic read: two volatile loads and no store, the Java analogue of the kernel's
   * seqcount speculation (mmap_lock_speculate_try_begin / _retry).
   */
  @Benchmark
  public boolean stampedOptimisticRead() {
    long stamp = stamped.tryOptimisticRead();
    return stamped.validate(stamp);
  }
}
