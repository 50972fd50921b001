package dev.lockkit.bench.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What sharing one read lock costs on this machine, with the JDK's lock: the hardware effect the
 * per-VMA lock avoids, measured without lockcore so the lockcore figures can be read against it.
 *
 * <p>Throughput (ops/us, summed over threads). {@code shared*} read-locks one lock from every
 * thread, as every fault takes mmap_lock; {@code private*} gives each thread its own lock, as
 * faults on disjoint VMAs take disjoint per-VMA locks. The {@code writer} groups add a thread that
 * loops on the write lock (mprotect's mmap_write_lock) of the shared lock or of an unrelated one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JdkScalingBench {

  /** One lock every thread shares: the mmap_lock analogue. */
  @State(Scope.Benchmark)
  public static class Shared {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock unrelated = new ReentrantReadWriteLock();
  }

  /** One lock per thread: the per-VMA lock analogue for disjoint VMAs. */
  @State(Scope.Thread)
  public static class Private {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  }

  /** Baseline for the scaling ratios: one thread, its own lock. */
  @Benchmark
  @Threads(1)
  public void readOneThread(Private p) {
    p.lock.readLock().lock();
    p.lock.readLock().unlock();
  }

  /** Two threads read-locking one lock: the lock word's cache line moves on every CAS. */
  @Benchmark
  @Threads(2)
  public void readSharedTwoThreads(Shared s) {
    s.lock.readLock().lock();
    s.lock.readLock().unlock();
  }

  /** Two threads, each with its own lock: nothing is shared, so it should scale 2x. */
  @Benchmark
  @Threads(2)
  public void readPrivateTwoThreads(Private p) {
    p.lock.readLock().lock();
    p.lock.readLock().unlock();
  }

  /** A reader of the shared lock while a writer loops on the same lock. */
  @Benchmark
  @Group("writerSameLock")
  @GroupThreads(1)
  public void readerSameLock(Shared s) {
    s.lock.readLock().lock();
    s.lock.readLock().unlock();
  }

  /** The writer of {@link #readerSameLock}. */
  @Benchmark
  @Group("writerSameLock")
  @GroupThreads(1)
  public void writerSameLock(Shared s) {
    s.lock.writeLock().lock();
    s.lock.writeLock().unlock();
  }

  /** A reader of its own lock while a writer loops on an unrelated lock. */
  @Benchmark
  @Group("writerOtherLock")
  @GroupThreads(1)
  public void readerOtherLock(Private p) {
    p.lock.readLock().lock();
    p.lock.readLock().unlock();
  }

  /** The writer of {@link #readerOtherLock}. */
  @Benchmark
  @Group("writerOtherLock")
  @GroupThreads(1)
  public void writerOtherLock(Shared s) {
    s.unrelated.writeLock().lock();
    s.unrelated.writeLock().unlock();
  }
}
