package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.FaultResult;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.Refcount;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code lock_vma_under_rcu()} + {@code vma_end_read()} taken apart, one thread, base
 * configuration, in ns per operation, with the RRWL read round trip it is held against in the same
 * class so every figure of one run is measured side by side. Each benchmark adds one piece of the
 * path; the differences are what each piece costs:
 *
 * <ul>
 *   <li>{@code fence}: one {@code VarHandle.fullFence()}, the RCU read side's serialising
 *       store-load barrier, alone.
 *   <li>{@code taskCurrent}: {@code current} (a {@code ThreadLocal} read).
 *   <li>{@code rcuReadSection}: {@code rcu_read_lock()} + {@code rcu_read_unlock()}.
 *   <li>{@code treeWalk}: {@code mas_walk()} of the VMA tree (the caller holds nothing; the base
 *       configuration does not check).
 *   <li>{@code refcountRoundTrip}: the {@code vm_refcnt} limited acquire increment and the release
 *       decrement, nothing else.
 *   <li>{@code vmaStartEndRead}: {@code vma_start_read()} + {@code vma_end_read()} on a VMA already
 *       found (refcount plus the {@code vm_lock_seq}/{@code mm_lock_seq} checks and {@code vm_mm}).
 *   <li>{@code perVmaRoundTrip}: the whole {@code lock_vma_under_rcu()} + {@code vma_end_read()}.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LockcorePathBench {
  private final ReentrantReadWriteLock rrwl = new ReentrantReadWriteLock();
  private Kernel kernel;
  private MmStruct mm;
  private VmaLock vmaLock;
  private Rcu rcu;
  private VmAreaStruct vma;
  private Refcount refcnt;
  private long address;

  // The per-VMA pieces exist only with PER_VMA_LOCK; the benchmark boots a configuration that has
  // it.
  @IfConfig("PER_VMA_LOCK")
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot("pervma", "base");
    mm = Kernels.mapSlots(kernel);
    vmaLock = kernel.vmaLock();
    rcu = kernel.rcu();
    address = Kernels.address(0);
    if (kernel.fault(mm, address, Access.WRITE).outcome() != FaultResult.Outcome.OK) {
      throw new IllegalStateException("first fault did not succeed");
    }
    vma = mm.mmMt().walk(address);
    refcnt = vma.vmRefcnt();
  }

  @Benchmark
  public void rrwlRead() {
    rrwl.readLock().lock();
    rrwl.readLock().unlock();
  }

  @Benchmark
  public void fence() {
    VarHandle.fullFence();
  }

  @Benchmark
  public Task taskCurrent() {
    return Task.current();
  }

  @Benchmark
  public void rcuReadSection() {
    rcu.readLock();
    rcu.readUnlock();
  }

  @Benchmark
  public VmAreaStruct treeWalk() {
    return mm.mmMt().walk(address);
  }

  // The two benchmarks below return a primitive, not the record the call returns: a record handed
  // to JMH's blackhole escapes, so it would be allocated on every call (24 B/op, measured with the
  // probe's allocation column), which the per-VMA path itself never does (escape analysis removes
  // its records there).
  @Benchmark
  public boolean refcountRoundTrip() {
    refcnt.incNotZeroLimitedAcquire(VmAreaStruct.VMA_REF_LIMIT);
    return refcnt.decAndTest().zero();
  }

  @Benchmark
  public boolean vmaStartEndRead() {
    boolean ok = vmaLock.vmaStartRead(mm, vma).ok();
    vmaLock.vmaEndRead(vma);
    return ok;
  }

  @Benchmark
  public VmAreaStruct perVmaRoundTrip() {
    VmAreaStruct v = vmaLock.lockVmaUnderRcu(mm, address);
    vmaLock.vmaEndRead(v);
    return v;
  }
}
