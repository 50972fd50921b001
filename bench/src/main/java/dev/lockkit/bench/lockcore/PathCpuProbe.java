package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.Refcount;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link LockcorePathBench}'s pieces of {@code lock_vma_under_rcu()} + {@code vma_end_read()} in
 * <em>CPU time</em> per operation (the calling thread's own, so descheduled time does not count),
 * for a machine too shared for wall-clock figures of a few nanoseconds. Each piece is its own loop
 * class, so every loop is compiled on its own with its calls inlined, as JMH would.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lockkit.bench.lockcore.PathCpuProbe [seconds
 * [pieces]]}; prints a Markdown table of the median of 7 windows after a warm-up (CPU ns and
 * allocated bytes per operation). {@code pieces}, a comma-separated list of words, keeps only the
 * pieces whose name contains one of them (and always the RRWL reference), so that alternating
 * builds can take more rounds in the same time.
 */
public final class PathCpuProbe {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  // The same bean's allocation counter: bytes a piece allocates per operation, what JMH's -prof gc
  // reports, so a record the path returns that escape analysis did not remove shows here.
  private static final com.sun.management.ThreadMXBean ALLOC = (com.sun.management.ThreadMXBean) MX;
  private static final int BATCH = 1024;

  private PathCpuProbe() {}

  /** One piece: {@link #batch} runs it {@link #BATCH} times. */
  private abstract static class Piece {
    final String name;
    Object sink;
    double bytesPerOp;

    Piece(String name) {
      this.name = name;
    }

    abstract void batch();

    double cpuNsPerOp(long nanos) {
      long a0 = ALLOC.getCurrentThreadAllocatedBytes();
      long c0 = MX.getCurrentThreadCpuTime();
      long n = 0;
      long until = System.nanoTime() + nanos;
      while (System.nanoTime() < until) {
        batch();
        n += BATCH;
      }
      long c1 = MX.getCurrentThreadCpuTime();
      bytesPerOp = (double) (ALLOC.getCurrentThreadAllocatedBytes() - a0) / n;
      return (double) (c1 - c0) / n;
    }
  }

  /** Runs every piece, interleaved window by window, and prints the table. */
  // The per-VMA pieces exist only with PER_VMA_LOCK; the probe boots a configuration that has it.
  @IfConfig("PER_VMA_LOCK")
  public static void main(String[] args) {
    long nanos = (long) (1e9 * (args.length > 0 ? Double.parseDouble(args[0]) : 0.3));
    Kernel kernel = Kernels.boot("pervma", "base");
    MmStruct mm = Kernels.mapSlots(kernel);
    long address = Kernels.address(0);
    kernel.fault(mm, address, Access.WRITE);
    VmaLock vmaLock = kernel.vmaLock();
    Rcu rcu = kernel.rcu();
    VmAreaStruct vma = mm.mmMt().walk(address);
    Refcount refcnt = vma.vmRefcnt();
    ReentrantReadWriteLock rrwl = new ReentrantReadWriteLock();
    Piece[] pieces = {
      new Piece("RRWL read lock+unlock (reference)") {
        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            rrwl.readLock().lock();
            rrwl.readLock().unlock();
          }
        }
      },
      new Piece("floor: the protocol's serialising operations on plain JDK atomics") {
        // What lock_vma_under_rcu() + vma_end_read() cannot do without on the JVM (see Floor).
        final Floor floor = new Floor();

        @Override
        void batch() {
          int z = 0;
          for (int i = 0; i < BATCH; i++) {
            z += floor.full();
          }
          sink = z;
        }
      },
      new Piece("floor without the RCU entry fence (the kernel's rcu_read_lock() has none)") {
        final Floor floor = new Floor();

        @Override
        void batch() {
          int z = 0;
          for (int i = 0; i < BATCH; i++) {
            z += floor.withoutFence();
          }
          sink = z;
        }
      },
      new Piece(
          "floor, RCU part only: ThreadLocal read, opaque store + full fence, release store") {
        final Floor floor = new Floor();

        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            floor.rcuOnly();
          }
        }
      },
      new Piece(
          "floor, RCU part with the entry as one xchg (smp_store_mb) instead of store + fence") {
        final Floor floor = new Floor();

        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            floor.rcuOnlyXchg();
          }
        }
      },
      new Piece("VarHandle.fullFence()") {
        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            VarHandle.fullFence();
          }
        }
      },
      new Piece("Task.current()") {
        @Override
        void batch() {
          Object t = null;
          for (int i = 0; i < BATCH; i++) {
            t = Task.current();
          }
          sink = t;
        }
      },
      new Piece("rcu_read_lock+rcu_read_unlock") {
        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            rcu.readLock();
            rcu.readUnlock();
          }
        }
      },
      new Piece("rcu_read_lock+rcu_read_unlock, one look-up of current (as lock_vma_under_rcu)") {
        @Override
        void batch() {
          for (int i = 0; i < BATCH; i++) {
            rcu.readUnlock(rcu.readLockToken());
          }
        }
      },
      new Piece("mas_walk (tree walk)") {
        @Override
        void batch() {
          Object v = null;
          for (int i = 0; i < BATCH; i++) {
            v = mm.mmMt().walk(address);
          }
          sink = v;
        }
      },
      new Piece("vm_refcnt inc_not_zero_limited_acquire + dec_and_test") {
        // Only a primitive leaves the loop: a record stored to `sink` would escape, so every
        // iteration would allocate it (24 B/op), which the path itself does not (its records are
        // scalar-replaced).
        @Override
        void batch() {
          int z = 0;
          for (int i = 0; i < BATCH; i++) {
            refcnt.incNotZeroLimitedAcquire(VmAreaStruct.VMA_REF_LIMIT);
            z += refcnt.decAndTest().zero() ? 1 : 0;
          }
          sink = z;
        }
      },
      new Piece("vma_start_read+vma_end_read (VMA already found)") {
        @Override
        void batch() {
          int ok = 0;
          for (int i = 0; i < BATCH; i++) {
            ok += vmaLock.vmaStartRead(mm, vma).ok() ? 1 : 0;
            vmaLock.vmaEndRead(vma);
          }
          sink = ok;
        }
      },
      new Piece("lock_vma_under_rcu+vma_end_read") {
        @Override
        void batch() {
          Object r = null;
          for (int i = 0; i < BATCH; i++) {
            VmAreaStruct v = vmaLock.lockVmaUnderRcu(mm, address);
            vmaLock.vmaEndRead(v);
            r = v;
          }
          sink = r;
        }
      },
    };
    if (args.length > 1) {
      List<String> words = List.of(args[1].split(","));
      List<Piece> kept = new ArrayList<>(List.of(pieces[0])); // the reference
      for (int i = 1; i < pieces.length; i++) {
        String name = pieces[i].name;
        if (words.stream().anyMatch(name::contains)) {
          kept.add(pieces[i]);
        }
      }
      pieces = kept.toArray(new Piece[0]);
    }
    for (int round = 0; round < 4; round++) {
      for (Piece p : pieces) {
        p.cpuNsPerOp(nanos);
      }
    }
    double[][] w = new double[pieces.length][7];
    double[][] b = new double[pieces.length][7];
    for (int k = 0; k < 7; k++) {
      for (int i = 0; i < pieces.length; i++) {
        w[i][k] = pieces[i].cpuNsPerOp(nanos);
        b[i][k] = pieces[i].bytesPerOp;
      }
    }
    double rr = median(w[0]);
    System.out.println("| piece | CPU ns/op (median of 7) | ÷ RRWL read | allocated B/op |");
    System.out.println("|---|---:|---:|---:|");
    for (int i = 0; i < pieces.length; i++) {
      double m = median(w[i]);
      System.out.printf(
          Locale.ROOT, "| %s | %.1f | %.2f | %.3f |%n", pieces[i].name, m, m / rr, median(b[i]));
    }
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
