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
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 *   <li>{@code floor}, {@code floorWithoutFence}, {@code floorRcu}: the protocol's serialising
 *       operations on plain JDK atomics ({@link Floor}, the same code as {@link PathCpuProbe}'s):
 *       what the kernel's semantics cost on the JVM before any check or read of the model; without
 *       the RCU entry fence; the RCU part alone.
 *   <li>{@code fence}: one {@code VarHandle.fullFence()}, the RCU read side's serialising
 *       store-load barrier, alone.
 *   <li>{@code taskCurrent}: {@code current} (a {@code ThreadLocal} read).
 *   <li>{@code rcuReadSection}: {@code rcu_read_lock()} + {@code rcu_read_unlock()}; {@code
 *       rcuReadSectionOneLookup}: the same with one look-up of {@code current}, as {@code
 *       lock_vma_under_rcu()} does it.
 *   <li>{@code treeWalk}: {@code mas_walk()} of the VMA tree (the caller holds nothing; the base
 *       configuration does not check).
 *   <li>{@code refcountRoundTrip}: the {@code vm_refcnt} limited acquire increment and the release
 *       decrement, nothing else.
 *   <li>{@code vmaStartEndRead}: {@code vma_start_read()} + {@code vma_end_read()} on a VMA already
 *       found (refcount plus the {@code vm_lock_seq}/{@code mm_lock_seq} checks and {@code vm_mm}).
 *   <li>{@code perVmaRoundTrip}: the whole {@code lock_vma_under_rcu()} + {@code vma_end_read()}.
 *   <li>{@code perVmaRoundTripCall}: the same as one call C2 never inlines into JMH's loop, so the
 *       figure does not depend on whether C2 inlined {@code lock_vma_under_rcu()} there, which
 *       depends on the size of its own compiled code ({@code InlineSmallCode}) and, when it does,
 *       changes the path's code: C2 then ran out of its inlining node budget ({@code
 *       NodeCountInliningCutoff}) and left parts of the path as calls (bench/README.md, "issue 20
 *       eighth pass").
 *   <li>{@code perVmaRoundTripBatch}: 1,024 round trips per call in a counted loop, the shape of
 *       {@link PathCpuProbe}'s loops, to compare the probe with JMH.
 * </ul>
 *
 * <p>On a shared machine add {@code -prof dev.lockkit.bench.lockcore.WorkerCpuProfiler}: it reports
 * each benchmark's CPU ns per operation beside the wall-clock score.
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
  static final int BATCH = 1024;
  private final Floor floor = new Floor();

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
  public int floor() {
    return floor.full();
  }

  @Benchmark
  public int floorWithoutFence() {
    return floor.withoutFence();
  }

  @Benchmark
  public void floorRcu() {
    floor.rcuOnly();
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
  public void rcuReadSectionOneLookup() {
    rcu.readUnlock(rcu.readLockToken());
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

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public VmAreaStruct perVmaRoundTripBatch() {
    VmAreaStruct r = null;
    for (int i = 0; i < BATCH; i++) {
      VmAreaStruct v = vmaLock.lockVmaUnderRcu(mm, address);
      vmaLock.vmaEndRead(v);
      r = v;
    }
    return r;
  }

  @Benchmark
  public VmAreaStruct perVmaRoundTripCall() {
    return roundTripNotInlined();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private VmAreaStruct roundTripNotInlined() {
    VmAreaStruct v = vmaLock.lockVmaUnderRcu(mm, address);
    vmaLock.vmaEndRead(v);
    return v;
  }
}
