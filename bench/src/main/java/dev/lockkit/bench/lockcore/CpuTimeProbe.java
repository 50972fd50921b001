package dev.lockkit.bench.lockcore;

import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.sync.LockClassKey;
import dev.lockkit.lockcore.sync.RwSemaphore;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntFunction;

/**
 * The lockcore comparisons of issue 20 in <em>CPU time</em> per operation (each thread's own {@code
 * ThreadMXBean} CPU time), for a machine so shared that wall-clock figures mostly measure the other
 * processes: a thread that is descheduled accrues no CPU time, so the figures move far less with
 * load than JMH's. Contention still shows: a cache-line transfer or a spin costs the waiting thread
 * CPU time. It cannot show waiting that costs no CPU (a parked faulter), so the mprotect and
 * write-holder figures here complement JMH's, they do not replace them.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lockkit.bench.lockcore.CpuTimeProbe [seconds]}. Each
 * measure runs 5 windows of {@code seconds} (default 0.5) after a warm-up and prints the median CPU
 * ns per operation (per thread for the two-thread measures).
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private CpuTimeProbe() {}

  /** One thread's loop: runs operations until told to stop and returns how many it ran. */
  private interface Loop {
    long run(AtomicBoolean stop);
  }

  /**
   * Runs {@code threads} copies of a loop (thread i gets {@code loops.apply(i)}), plus an optional
   * background loop that is not measured, for {@code nanos} of wall time; returns CPU ns per
   * operation over the measured threads.
   */
  private static double window(int threads, IntFunction<Loop> loops, Loop background, long nanos)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(threads + (background == null ? 1 : 2));
    long[] ops = new long[threads];
    long[] cpu = new long[threads];
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int k = i;
      Loop loop = loops.apply(i);
      ts.add(
          new Thread(
              () -> {
                await(start);
                long c0 = MX.getCurrentThreadCpuTime();
                ops[k] = loop.run(stop);
                cpu[k] = MX.getCurrentThreadCpuTime() - c0;
              }));
    }
    if (background != null) {
      ts.add(
          new Thread(
              () -> {
                await(start);
                background.run(stop);
              }));
    }
    ts.forEach(Thread::start);
    await(start);
    Thread.sleep(nanos / 1_000_000);
    stop.set(true);
    for (Thread t : ts) {
      t.join();
    }
    return (double) Arrays.stream(cpu).sum() / Math.max(1, Arrays.stream(ops).sum());
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double median(int threads, IntFunction<Loop> loops, Loop background, long nanos)
      throws Exception {
    // Warm-up long enough for C2 to compile the whole fault path before the first window.
    window(threads, loops, background, 6 * nanos);
    double[] w = new double[5];
    for (int i = 0; i < w.length; i++) {
      w[i] = window(threads, loops, background, nanos);
    }
    Arrays.sort(w);
    return w[2];
  }

  private static Loop faults(Kernel k, MmStruct mm, long address) {
    return stop -> {
      long n = 0;
      while (!stop.get()) {
        for (int i = 0; i < 64; i++) {
          k.fault(mm, address, Access.READ);
        }
        n += 64;
      }
      return n;
    };
  }

  private static Loop vmaRoundTrips(Kernel k, MmStruct mm, long address) {
    return stop -> {
      long n = 0;
      while (!stop.get()) {
        for (int i = 0; i < 64; i++) {
          VmAreaStruct v = k.vmaLock().lockVmaUnderRcu(mm, address);
          k.vmaLock().vmaEndRead(v);
        }
        n += 64;
      }
      return n;
    };
  }

  private static void row(String what, double value, String note) {
    System.out.printf(Locale.ROOT, "| %s | %.1f | %s |%n", what, value, note);
  }

  /** Runs every measure and prints a Markdown table. */
  public static void main(String[] args) throws Exception {
    long nanos = (long) (1e9 * (args.length > 0 ? Double.parseDouble(args[0]) : 0.5));
    System.out.println("| measure | CPU ns/op | note |");
    System.out.println("|---|---:|---|");
    ReentrantReadWriteLock rrwl = new ReentrantReadWriteLock();
    Loop rrwlLoop =
        stop -> {
          long n = 0;
          while (!stop.get()) {
            for (int i = 0; i < 64; i++) {
              rrwl.readLock().lock();
              rrwl.readLock().unlock();
            }
            n += 64;
          }
          return n;
        };
    double rr = median(1, i -> rrwlLoop, null, nanos);
    row("RRWL read lock+unlock, 1 thread", rr, "reference");
    StampedLock sl = new StampedLock();
    row(
        "StampedLock read lock+unlock, 1 thread",
        median(
            1,
            i ->
                stop -> {
                  long n = 0;
                  while (!stop.get()) {
                    for (int j = 0; j < 64; j++) {
                      sl.unlockRead(sl.readLock());
                    }
                    n += 64;
                  }
                  return n;
                },
            null,
            nanos),
        "reference");
    Kernel pv = Kernels.boot("pervma", "base");
    MmStruct pvMm = Kernels.mapSlots(pv);
    for (int s = 0; s < Kernels.SLOTS; s++) {
      pv.fault(pvMm, Kernels.address(s), Access.WRITE);
    }
    RwSemaphore sem = new RwSemaphore(pv.sync(), "probe_sem", new LockClassKey("probe_sem"));
    double rw =
        median(
            1,
            i ->
                stop -> {
                  long n = 0;
                  while (!stop.get()) {
                    for (int j = 0; j < 64; j++) {
                      sem.downRead();
                      sem.upRead();
                    }
                    n += 64;
                  }
                  return n;
                },
            null,
            nanos);
    row("down_read+up_read, 1 thread", rw, String.format(Locale.ROOT, "%.2f× RRWL", rw / rr));
    double vr = median(1, i -> vmaRoundTrips(pv, pvMm, Kernels.address(0)), null, nanos);
    row(
        "lock_vma_under_rcu+vma_end_read, 1 thread",
        vr,
        String.format(Locale.ROOT, "%.2f× RRWL", vr / rr));
    for (String path : List.of("pervma", "mmap")) {
      Kernel k = path.equals("pervma") ? pv : Kernels.boot(path, "base");
      MmStruct mm = path.equals("pervma") ? pvMm : Kernels.mapSlots(k);
      for (int s = 0; s < Kernels.SLOTS; s++) {
        k.fault(mm, Kernels.address(s), Access.WRITE);
      }
      double one = median(1, i -> faults(k, mm, Kernels.address(0)), null, nanos);
      double two = median(2, i -> faults(k, mm, Kernels.address(i)), null, nanos);
      row(path + " whole fault, 1 thread", one, "");
      row(
          path + " whole fault, 2 threads on disjoint VMAs (per thread)",
          two,
          String.format(
              Locale.ROOT,
              "CPU cost ×%.2f; on two free cores: 2 × 1T/2T = %.2f× one thread",
              two / one,
              2 * one / two));
      Loop spinner =
          stop -> {
            long n = 0;
            while (!stop.get()) {
              n++;
              Thread.onSpinWait();
            }
            return n;
          };
      boolean[] writable = {true};
      Loop mprotect =
          stop -> {
            long n = 0;
            while (!stop.get()) {
              writable[0] = !writable[0];
              int prot = Kernel.PROT_READ | (writable[0] ? Kernel.PROT_WRITE : 0);
              k.mprotect(mm, Kernels.address(Kernels.MPROTECT_SLOT), 4 * VmFlags.PAGE_SIZE, prot);
              n++;
            }
            return n;
          };
      Loop holder =
          stop -> {
            long n = 0;
            while (!stop.get()) {
              k.mmapLock().mmapWriteLock(mm);
              k.mmapLock().mmapWriteUnlock(mm);
              n++;
            }
            return n;
          };
      double busy = median(1, i -> faults(k, mm, Kernels.address(0)), spinner, nanos);
      double mp = median(1, i -> faults(k, mm, Kernels.address(0)), mprotect, nanos);
      double wh = median(1, i -> faults(k, mm, Kernels.address(0)), holder, nanos);
      row(path + " fault beside a spinning thread", busy, "baseline of the next two");
      row(
          path + " fault beside an mprotect loop on another VMA",
          mp,
          String.format(Locale.ROOT, "CPU cost ×%.2f", mp / busy));
      row(
          path + " fault beside an mmap_write_lock/unlock loop, same mm",
          wh,
          String.format(Locale.ROOT, "CPU cost ×%.2f", wh / busy));
    }
  }
}
