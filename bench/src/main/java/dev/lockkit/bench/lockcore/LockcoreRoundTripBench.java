package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.FaultResult;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.LockClassKey;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.RwSemaphore;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Uncontended read round trips through lockcore, one thread, in ns per operation: compare each with
 * {@code JdkLockBench.rrwlReadRoundTrip} from the same run.
 *
 * <p>{@code perVmaRoundTrip} is {@code lock_vma_under_rcu()} + {@code vma_end_read()}: an RCU
 * read-side section, a tree walk, the {@code vm_refcnt} limited increment and the {@code
 * vm_lock_seq} checks, then the decrement. {@code mmapReadRoundTrip} is {@code mmap_read_lock()} +
 * {@code mmap_read_unlock()}: the rwsem plus the tracepoint hooks. {@code rwsemReadRoundTrip} is
 * the bare {@code down_read()} + {@code up_read()}; {@code rcuReadSection} isolates the RCU part of
 * the per-VMA path; {@code faultPerVma} is the whole arch fault handler on a present page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LockcoreRoundTripBench {

  /** "base": the default per-VMA configuration; "debug": plus DEBUG_LOCK_ALLOC and TRACING. */
  @Param({"base", "debug"})
  public String variant;

  private Kernel kernel;
  private MmStruct mm;
  private VmaLock vmaLock;
  private MmapLock mmapLock;
  private RwSemaphore sem;
  private Rcu rcu;
  private long address;

  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot("pervma", variant);
    mm = Kernels.mapSlots(kernel);
    vmaLock = kernel.vmaLock();
    mmapLock = kernel.mmapLock();
    sem = new RwSemaphore(kernel.sync(), "bench_sem", new LockClassKey("bench_sem"));
    rcu = kernel.rcu();
    address = Kernels.address(0);
    if (kernel.fault(mm, address, Access.WRITE).outcome() != FaultResult.Outcome.OK) {
      throw new IllegalStateException("first fault did not succeed");
    }
  }

  @Benchmark
  public VmAreaStruct perVmaRoundTrip() {
    VmAreaStruct vma = vmaLock.lockVmaUnderRcu(mm, address);
    vmaLock.vmaEndRead(vma);
    return vma;
  }

  @Benchmark
  public void mmapReadRoundTrip() {
    mmapLock.mmapReadLock(mm);
    mmapLock.mmapReadUnlock(mm);
  }

  @Benchmark
  public void rwsemReadRoundTrip() {
    sem.downRead();
    sem.upRead();
  }

  @Benchmark
  public void rcuReadSection() {
    rcu.readLock();
    rcu.readUnlock();
  }

  @Benchmark
  public FaultResult faultPerVma() {
    return kernel.fault(mm, address, Access.READ);
  }
}
