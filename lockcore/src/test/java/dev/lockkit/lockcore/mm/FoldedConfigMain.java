package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.List;

/**
 * Run by {@link FoldedConfigSwitchTest} in a JVM of its own, because the folded options of {@link
 * Config} switch once per JVM: boots kernel A, runs its per-VMA read path 200,000 times (under
 * {@code -Xbatch}, so C2 compiles it with every option folded to A's value), then, in mode {@code
 * mix}, makes configuration B, which differs on DEBUG_LOCK_ALLOC and PER_VMA_LOCK_STATS, boots it,
 * and runs the same compiled code on both kernels; prints one {@code key=value} line per fact.
 */
final class FoldedConfigMain {

  static final String A = "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,SMP";
  static final String B = A + ",DEBUG_LOCK_ALLOC,PER_VMA_LOCK_STATS";
  static final long MAPPED = 0x10000;
  static final long UNMAPPED = 0x800000;

  private FoldedConfigMain() {}

  static MmStruct mapOne(Kernel k) {
    MmStruct mm = k.newMm();
    long a =
        k.mmap(
            mm,
            MAPPED,
            0x4000,
            Kernel.PROT_READ | Kernel.PROT_WRITE,
            Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS | Kernel.MAP_FIXED_NOREPLACE);
    if (a != MAPPED) {
      throw new IllegalStateException("mmap returned " + a);
    }
    return mm;
  }

  // The code C2 compiles during the warm-up: the per-VMA read path (DEBUG_LOCK_ALLOC in the walk
  // and in lockdep's annotations, PER_VMA_LOCK_STATS on a miss) and a walk outside RCU and
  // mmap_lock, which only DEBUG_LOCK_ALLOC reports.
  static int exercise(Kernel k, MmStruct mm) {
    VmaLock lock = k.vmaLock();
    Rcu rcu = k.rcu();
    int found = 0;
    VmAreaStruct v = lock.lockVmaUnderRcu(mm, MAPPED);
    if (v != null) {
      found++;
      lock.vmaEndRead(v);
    }
    if (lock.lockVmaUnderRcu(mm, UNMAPPED) == null) {
      found += 2;
    }
    rcu.readLock();
    found += mm.mmMt().walk(MAPPED) != null ? 4 : 0;
    rcu.readUnlock();
    found += mm.mmMt().walk(MAPPED) != null ? 8 : 0; // unprotected
    return found;
  }

  static void report(String name, Kernel k, MmStruct mm, int rounds) {
    int last = 0;
    for (int i = 0; i < rounds; i++) {
      last = exercise(k, mm);
    }
    System.out.println(name + ".found=" + last);
    System.out.println(name + ".warnings=" + k.reports().all().size());
    System.out.println(name + ".stats=" + k.vmaLockStats());
  }

  public static void main(String[] args) {
    String mode = args[0];
    System.out.println("unseen=" + Config.isFolded(Option.DEBUG_LOCK_ALLOC));
    Kernel a = Kernel.boot(Config.parse(A));
    MmStruct ma = mapOne(a);
    System.out.println("foldedAfterA=" + folded());
    report("warmA", a, ma, 200_000);
    if (mode.equals("mix")) {
      Kernel b = Kernel.boot(Config.parse(B));
      MmStruct mb = mapOne(b);
      System.out.println("foldedAfterB=" + folded());
      report("b", b, mb, 1_000);
      report("a", a, ma, 1_000);
    } else if (mode.equals("same")) {
      Kernel again = Kernel.boot(Config.parse(A));
      System.out.println("foldedAfterSame=" + folded());
      report("again", again, mapOne(again), 1_000);
    } else {
      throw new IllegalArgumentException(mode);
    }
  }

  // The options folded now, in Option order.
  static String folded() {
    StringBuilder sb = new StringBuilder();
    for (Option o : List.of(Option.values())) {
      if (Config.isFolded(o)) {
        sb.append(sb.length() == 0 ? "" : ",").append(o.name());
      }
    }
    return sb.toString();
  }
}
