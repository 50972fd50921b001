package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.FaultResult;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Page faults on one shared address space, in ops/us summed over the measuring threads.
 *
 * <p>{@code path} picks the kernel: "pervma" faults try {@code lock_vma_under_rcu()} first, "mmap"
 * faults take {@code mmap_read_lock()} (no PER_VMA_LOCK). Each faulting thread owns its own VMA
 * (disjoint, non-adjacent), so the only sharing is what the lock path itself shares.
 *
 * <ul>
 *   <li>{@code fault1T} / {@code fault2T}: the whole arch fault handler on a present page, one
 *       thread and two threads; the scaling ratio is fault2T / fault1T.
 *   <li>{@code lock1T} / {@code lock2T}: the read-lock round trip of the path alone, without the
 *       rest of the fault handler.
 *   <li>group {@code mprotect}: one faulting thread while another loops {@code mprotect()} on an
 *       unrelated VMA (toggling its write permission, so each call really changes it). The loss is
 *       {@code mprotect:faulter} against {@code busy:faulter}.
 *   <li>group {@code writeHolder}: one faulting thread while another loops {@code
 *       mmap_write_lock()}, a short critical section, {@code mmap_write_unlock()} on the same mm
 *       without touching any VMA. The per-VMA path never takes mmap_lock, so it should lose no more
 *       than beside a busy thread; the mmap_lock path waits for every write section.
 *   <li>group {@code busy}: one faulting thread beside a thread that only burns CPU. On a 2-core
 *       machine this is the honest baseline for the mprotect group: it has the same number of
 *       running threads, so the difference is what mprotect's locking costs the faults.
 *   <li>{@code ownKernel1T} / {@code ownKernel2T}: the same fault, each thread on a kernel of its
 *       own, so nothing at all is shared: the scaling the fault code itself reaches on the machine.
 *   <li>{@code rrwl1T} / {@code rrwl2T} and {@code stamped1T} / {@code stamped2T}: the JDK
 *       references for the scaling ratio, in the same run: each thread read-locks its own {@code
 *       ReentrantReadWriteLock} or {@code StampedLock}, as faults on disjoint VMAs take disjoint
 *       per-VMA locks. What they reach on the machine at that moment is the most lockcore's fault2T
 *       / fault1T can be expected to reach.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LockcoreFaultBench {

  /** One kernel and address space per trial, shared by every thread. */
  @State(Scope.Benchmark)
  public static class Machine {
    @Param({"pervma", "mmap"})
    public String path;

    @Param({"base", "debug"})
    public String variant;

    Kernel kernel;
    MmStruct mm;
    final AtomicInteger nextSlot = new AtomicInteger();

    @Setup(Level.Trial)
    public void boot() {
      kernel = Kernels.boot(path, variant);
      mm = Kernels.mapSlots(kernel);
      for (int i = 0; i < Kernels.SLOTS; i++) {
        FaultResult r = kernel.fault(mm, Kernels.address(i), Access.WRITE);
        if (r.outcome() != FaultResult.Outcome.OK) {
          throw new IllegalStateException("first fault on slot " + i + ": " + r);
        }
      }
    }
  }

  /** The VMA a faulting thread owns: slot 0 for the first thread, slot 1 for the second. */
  @State(Scope.Thread)
  public static class Slot {
    long address;

    @Setup(Level.Trial)
    public void pick(Machine m) {
      address = Kernels.address(m.nextSlot.getAndIncrement() % 2);
    }
  }

  /**
   * A whole kernel and address space per thread: the same fault code with nothing shared between
   * the threads at all (no common VMA tree, RCU or page tables). Its 2-thread/1-thread ratio is
   * what this code can scale to on the machine at that moment; fault2T / fault1T is judged against
   * it.
   */
  @State(Scope.Thread)
  public static class OwnKernel {
    @Param({"pervma", "mmap"})
    public String path;

    Kernel kernel;
    MmStruct mm;

    @Setup(Level.Trial)
    public void boot() {
      kernel = Kernels.boot(path, "base");
      mm = Kernels.mapSlots(kernel);
      if (kernel.fault(mm, Kernels.address(0), Access.WRITE).outcome() != FaultResult.Outcome.OK) {
        throw new IllegalStateException("first fault on a private kernel");
      }
    }
  }

  /** A JDK reference thread's own locks (disjoint per thread, like per-VMA locks). */
  @State(Scope.Thread)
  public static class OwnLocks {
    final ReentrantReadWriteLock rrwl = new ReentrantReadWriteLock();
    final StampedLock stamped = new StampedLock();
  }

  /** The mprotect thread's alternating protection. */
  @State(Scope.Thread)
  public static class Toggle {
    /**
     * CPU burnt between two mprotect calls ({@code Blackhole.consumeCPU} tokens). 0 runs the
     * model's mprotect back to back, several times the rate of a real {@code mprotect()} system
     * call; a gap brings the rate of mmap write sections (each bumps {@code mm_lock_seq}, which
     * every fault reads) down to a real one while the thread keeps its core busy, as the busy
     * group's does.
     */
    @Param({"0"})
    public int mprotectGap;

    boolean writable = true;
  }

  private static Object lockRoundTrip(Machine m, Slot s) {
    if (m.path.equals("pervma")) {
      VmAreaStruct vma = m.kernel.vmaLock().lockVmaUnderRcu(m.mm, s.address);
      m.kernel.vmaLock().vmaEndRead(vma);
      return vma;
    }
    m.kernel.mmapLock().mmapReadLock(m.mm);
    m.kernel.mmapLock().mmapReadUnlock(m.mm);
    return m;
  }

  @Benchmark
  @Threads(1)
  public FaultResult fault1T(Machine m, Slot s) {
    return m.kernel.fault(m.mm, s.address, Access.READ);
  }

  @Benchmark
  @Threads(2)
  public FaultResult fault2T(Machine m, Slot s) {
    return m.kernel.fault(m.mm, s.address, Access.READ);
  }

  @Benchmark
  @Threads(1)
  public Object lock1T(Machine m, Slot s) {
    return lockRoundTrip(m, s);
  }

  @Benchmark
  @Threads(2)
  public Object lock2T(Machine m, Slot s) {
    return lockRoundTrip(m, s);
  }

  @Benchmark
  @Group("mprotect")
  @GroupThreads(1)
  public FaultResult faulter(Machine m, Slot s) {
    return m.kernel.fault(m.mm, s.address, Access.READ);
  }

  @Benchmark
  @Group("mprotect")
  @GroupThreads(1)
  public int mprotector(Machine m, Toggle t) {
    if (t.mprotectGap > 0) {
      Blackhole.consumeCPU(t.mprotectGap);
    }
    t.writable = !t.writable;
    int prot = Kernel.PROT_READ | (t.writable ? Kernel.PROT_WRITE : 0);
    int r =
        m.kernel.mprotect(
            m.mm, Kernels.address(Kernels.MPROTECT_SLOT), 4 * VmFlags.PAGE_SIZE, prot);
    if (r != 0) {
      throw new IllegalStateException("mprotect returned " + r);
    }
    return r;
  }

  @Benchmark
  @Group("writeHolder")
  @GroupThreads(1)
  public FaultResult holderFaulter(Machine m, Slot s) {
    return m.kernel.fault(m.mm, s.address, Access.READ);
  }

  @Benchmark
  @Group("writeHolder")
  @GroupThreads(1)
  public void writeHolder(Machine m) {
    m.kernel.mmapLock().mmapWriteLock(m.mm);
    try {
      // About as long as one mprotect call inside its write section.
      Blackhole.consumeCPU(64);
    } finally {
      m.kernel.mmapLock().mmapWriteUnlock(m.mm);
    }
  }

  @Benchmark
  @Group("busy")
  @GroupThreads(1)
  public FaultResult busyFaulter(Machine m, Slot s) {
    return m.kernel.fault(m.mm, s.address, Access.READ);
  }

  @Benchmark
  @Group("busy")
  @GroupThreads(1)
  public void spinner() {
    // About as long as one mprotect call, so both groups switch threads at a similar rate.
    Blackhole.consumeCPU(256);
  }

  @Benchmark
  @Threads(1)
  public FaultResult ownKernel1T(OwnKernel k) {
    return k.kernel.fault(k.mm, Kernels.address(0), Access.READ);
  }

  @Benchmark
  @Threads(2)
  public FaultResult ownKernel2T(OwnKernel k) {
    return k.kernel.fault(k.mm, Kernels.address(0), Access.READ);
  }

  @Benchmark
  @Threads(1)
  public void rrwl1T(OwnLocks l) {
    l.rrwl.readLock().lock();
    l.rrwl.readLock().unlock();
  }

  @Benchmark
  @Threads(2)
  public void rrwl2T(OwnLocks l) {
    l.rrwl.readLock().lock();
    l.rrwl.readLock().unlock();
  }

  @Benchmark
  @Threads(1)
  public void stamped1T(OwnLocks l) {
    l.stamped.unlockRead(l.stamped.readLock());
  }

  @Benchmark
  @Threads(2)
  public void stamped2T(OwnLocks l) {
    l.stamped.unlockRead(l.stamped.readLock());
  }
}
