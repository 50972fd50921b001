package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.HistoricalBug;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.Reports;
import dev.lockkit.lockcore.sync.SharedInt;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.TraceSink;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.PageCache;
import dev.lockkit.lockcore.types.PageState;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A booted lockcore kernel: the entry point for tests, the golden scenario driver and users.
 *
 * <p>{@link #boot(Config)} builds one kernel per configuration; several can coexist in one JVM.
 * Every operation runs on the calling thread as {@link Task#current()} (bind a named task with
 * {@link Task#call} or {@link #runAs} to get deterministic names in traces and reports) and returns
 * a kernel-style result: an address or 0 on success, a negative errno ({@link Errno}) on failure.
 * Invalid arguments are rejected before any lock is taken and change nothing.
 *
 * <pre>{@code
 * Kernel k = Kernel.boot(Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP,TRACING"));
 * k.setTraceSink(event -> log.add(event.canonical()));
 * MmStruct mm = k.newMm();
 * long addr = k.mmap(mm, 0, 4 * 4096, Kernel.PROT_READ | Kernel.PROT_WRITE,
 *     Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS);
 * FaultResult r = Task.create("t1").call(() -> k.fault(mm, addr, Access.WRITE));
 * }</pre>
 *
 * <p>Bugs the kernel would catch with BUG_ON/VM_BUG_ON throw {@link
 * dev.lockkit.lockcore.sync.KernelBug} after being recorded in {@link #reports()}; WARNs and
 * lockdep splats are only recorded.
 */
public final class Kernel {
  /** {@code PROT_NONE}. */
  public static final int PROT_NONE = 0;

  /** {@code PROT_READ}. */
  public static final int PROT_READ = 1;

  /** {@code PROT_WRITE}. */
  public static final int PROT_WRITE = 2;

  /** {@code PROT_EXEC}. */
  public static final int PROT_EXEC = 4;

  /** {@code MAP_SHARED}. */
  public static final int MAP_SHARED = 0x01;

  /** {@code MAP_PRIVATE}. */
  public static final int MAP_PRIVATE = 0x02;

  /** {@code MAP_FIXED}: map exactly there, replacing what is mapped. */
  public static final int MAP_FIXED = 0x10;

  /** {@code MAP_ANONYMOUS}. */
  public static final int MAP_ANONYMOUS = 0x20;

  /** {@code MAP_GROWSDOWN}: a stack that grows down into the gap below it. */
  public static final int MAP_GROWSDOWN = 0x100;

  /** {@code MAP_FIXED_NOREPLACE}: map exactly there, {@code -EEXIST} if anything is mapped. */
  public static final int MAP_FIXED_NOREPLACE = 0x100000;

  private static final int KNOWN_MAP_FLAGS =
      MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_FIXED_NOREPLACE;

  private final Config config;
  private final SyncContext ctx;
  private final Tracer tracer;
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;
  private final FaultLock faultLock;
  private final StackExpansion stack;
  private final PageCache pageCache = new PageCache();
  private final ArchFault arch;
  private final MmapOps mmapOps;
  private final Fork fork;
  private final MapsReader maps;
  private final SharedInt mmIds = new SharedInt(0);

  private Kernel(Config config, ExceptionTable exceptionTable, HistoricalBug bug) {
    this(config, exceptionTable, bug, null);
  }

  private Kernel(
      Config config, ExceptionTable exceptionTable, HistoricalBug bug, PlantedBug planted) {
    this.config = config;
    this.ctx = new SyncContext(config, exceptionTable);
    this.tracer = new Tracer(config);
    this.mmapLock = new MmapLock(ctx, tracer);
    if (config.isEnabled(Option.PER_VMA_LOCK)) {
      this.vmaLock =
          new dev.lockkit.lockcore.vmalock.VmaLockPerVma(
              ctx, mmapLock, tracer, bug == HistoricalBug.VMA_REUSE_WITHOUT_MM_CHECK);
      this.faultLock = new FaultLockPerVma(mmapLock, vmaLock);
    } else {
      this.vmaLock = new dev.lockkit.lockcore.vmalock.VmaLockStubs(mmapLock);
      this.faultLock = new FaultLockMmap(mmapLock);
    }
    VmaCache cache = new VmaCache(ctx, vmaLock);
    if (config.isEnabled(Option.MMU)) {
      if (config.isEnabled(Option.STACK_GROWSUP)) {
        this.stack = new StackGrowsUp(mmapLock, vmaLock);
      } else {
        this.stack = new StackGrowsDown(mmapLock, vmaLock);
      }
    } else {
      this.stack = new StackNommu(mmapLock);
    }
    HandleMmFault handle = new HandleMmFault(mmapLock, faultLock, pageCache);
    this.arch = new ArchFault(ctx, mmapLock, vmaLock, tracer, stack, handle);
    if (config.isEnabled(Option.MMU)) {
      if (config.isEnabled(Option.LOCK_MM_AND_FIND_VMA)) {
        arch.setLockMmAndFindVma(
            new dev.lockkit.lockcore.mmaplock.LockMmAndFindVmaMmu(
                mmapLock, exceptionTable, stack, bug == HistoricalBug.STACKROT));
      }
    } else {
      arch.setLockMmAndFindVma(
          new dev.lockkit.lockcore.mmaplock.LockMmAndFindVmaNommu(
              mmapLock, bug == HistoricalBug.NOMMU_LOCK_LEAK));
    }
    this.mmapOps =
        new MmapOps(mmapLock, vmaLock, cache, planted == PlantedBug.MPROTECT_KEEPS_WRITE);
    this.fork =
        new Fork(
            mmapLock,
            vmaLock,
            cache,
            this::allocMm,
            ctx.reports(),
            bug == HistoricalBug.FORK_WITHOUT_VMA_LOCK);
    this.maps = new MapsReader(mmapLock);
  }

  /** Boots a kernel with {@code config} and an empty exception table. */
  public static Kernel boot(Config config) {
    return boot(config, ExceptionTable.empty());
  }

  /**
   * Boots a kernel with {@code config}; kernel-mode faults at instruction addresses in {@code
   * exceptionTable} are fixed up instead of oopsing.
   */
  public static Kernel boot(Config config, ExceptionTable exceptionTable) {
    return new Kernel(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(exceptionTable, "table"),
        null);
  }

  /**
   * Boots a kernel with one historical bug put back, for tests that show the golden suite catches
   * it. This is the only way to reach a {@link HistoricalBug} path: {@link #boot} never does, and
   * no {@link Config} option selects one.
   *
   * @throws IllegalArgumentException when {@code config} lacks the code the bug lived in ({@code
   *     STACKROT}: MMU, LOCK_MM_AND_FIND_VMA, stacks growing down; {@code NOMMU_LOCK_LEAK}: !MMU;
   *     {@code FORK_WITHOUT_VMA_LOCK}, {@code VMA_REUSE_WITHOUT_MM_CHECK}: PER_VMA_LOCK)
   */
  public static Kernel bootWithHistoricalBug(
      Config config, ExceptionTable exceptionTable, HistoricalBug bug) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(bug, "bug");
    boolean applies =
        switch (bug) {
          case STACKROT ->
              config.isEnabled(Option.MMU)
                  && config.isEnabled(Option.LOCK_MM_AND_FIND_VMA)
                  && !config.isEnabled(Option.STACK_GROWSUP);
          case NOMMU_LOCK_LEAK -> !config.isEnabled(Option.MMU);
          case FORK_WITHOUT_VMA_LOCK, VMA_REUSE_WITHOUT_MM_CHECK ->
              config.isEnabled(Option.PER_VMA_LOCK);
        };
    if (!applies) {
      throw new IllegalArgumentException(bug + " does not exist in configuration " + config);
    }
    return new Kernel(config, Objects.requireNonNull(exceptionTable, "table"), bug);
  }

  /**
   * Boots a kernel with one planted (non-historical) bug, for tests that show what the golden suite
   * sees; like {@link #bootWithHistoricalBug}, the only way to reach its path.
   */
  public static Kernel bootWithPlantedBug(
      Config config, ExceptionTable exceptionTable, PlantedBug bug) {
    return new Kernel(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(exceptionTable, "table"),
        null,
        Objects.requireNonNull(bug, "bug"));
  }

  /** The configuration this kernel was booted with. */
  public Config config() {
    return config;
  }

  /** WARN / BUG / lockdep / poison / oops reports of this kernel. */
  public Reports reports() {
    return ctx.reports();
  }

  /** The primitives' shared context (RCU, lockdep, reports). */
  public SyncContext sync() {
    return ctx;
  }

  /** This kernel's RCU. */
  public Rcu rcu() {
    return ctx.rcu();
  }

  /** This kernel's tracer. */
  public Tracer tracer() {
    return tracer;
  }

  /** Sends tracepoint and VMA-lock-counter events to {@code sink} (null to stop). */
  public void setTraceSink(TraceSink sink) {
    tracer.setSink(sink);
  }

  /** The mmap_lock API. */
  public MmapLock mmapLock() {
    return mmapLock;
  }

  /** The per-VMA lock API (real or stubs, per the configuration). */
  public VmaLock vmaLock() {
    return vmaLock;
  }

  /** {@code release_fault_lock()} / {@code assert_fault_locked()}. */
  public FaultLock faultLock() {
    return faultLock;
  }

  /**
   * The VMA lock event counters by name ({@code VMA_LOCK_SUCCESS}, ...); empty unless the kernel
   * has PER_VMA_LOCK_STATS.
   */
  public Map<String, Long> vmaLockStats() {
    Map<String, Long> out = new LinkedHashMap<>();
    if (config.isEnabled(Option.PER_VMA_LOCK_STATS)) {
      tracer.vmEvents().snapshot().forEach((event, n) -> out.put(event.name(), n));
    }
    return out;
  }

  private MmStruct allocMm() {
    return new MmStruct(ctx, "mm" + mmIds.addAndGet(1));
  }

  /** {@code mm_alloc()}: a new, empty address space named {@code mm1}, {@code mm2}, ... */
  public MmStruct newMm() {
    return allocMm();
  }

  /** Runs {@code op} as {@code task} on the calling thread. */
  public static <T> T runAs(Task task, Supplier<T> op) {
    return task.call(op);
  }

  private <T> T op(Supplier<T> body) {
    try {
      return body.get();
    } finally {
      ctx.rcu().pollCallbacks();
    }
  }

  /** A user-mode fault: see {@link #fault(MmStruct, long, Access, PtRegs)}. */
  public FaultResult fault(MmStruct mm, long address, Access access) {
    return fault(mm, address, access, PtRegs.user());
  }

  /**
   * The arch page-fault handler ({@code do_user_addr_fault()}) for an {@code access} at {@code
   * address} in {@code mm}; {@code regs} says user or kernel mode and, for kernel mode, the
   * faulting instruction. Faults on unmapped addresses end in {@code SIGSEGV_MAPERR} and change
   * nothing.
   */
  public FaultResult fault(MmStruct mm, long address, Access access, PtRegs regs) {
    Objects.requireNonNull(mm, "mm");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(regs, "regs");
    return op(() -> arch.doUserAddrFault(mm, address, access, regs));
  }

  /** {@code mmap()} of anonymous memory: see {@link #mmapFile}. */
  public long mmap(MmStruct mm, long addr, long len, int prot, int flags) {
    return mmapFile(mm, addr, len, prot, flags, null, 0);
  }

  /**
   * {@code mmap(addr, len, prot, flags, fd, pgoff)}: the mapped address, or {@code -EINVAL} (bad
   * prot/flags, zero length, unaligned fixed address, anonymous with a file or file without one),
   * {@code -ENOMEM} (no room, too long), {@code -EPERM} (below {@code mmap_min_addr}), {@code
   * -EEXIST} ({@code MAP_FIXED_NOREPLACE} over a mapping) or {@code -EINTR}.
   *
   * @param file the file name for a file mapping, null with {@code MAP_ANONYMOUS}
   * @param pgoff the file offset in pages
   */
  public long mmapFile(
      MmStruct mm, long addr, long len, int prot, int flags, String file, long pgoff) {
    Objects.requireNonNull(mm, "mm");
    if ((prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0 || (flags & ~KNOWN_MAP_FLAGS) != 0) {
      return -Errno.EINVAL;
    }
    int type = flags & (MAP_SHARED | MAP_PRIVATE);
    if (type != MAP_SHARED && type != MAP_PRIVATE) {
      return -Errno.EINVAL;
    }
    boolean anon = (flags & MAP_ANONYMOUS) != 0;
    if (anon == (file != null) || len <= 0 || pgoff < 0) {
      return -Errno.EINVAL;
    }
    long alen = VmFlags.pageAlign(len);
    if (alen == 0 || alen > VmFlags.TASK_SIZE) {
      return -Errno.ENOMEM;
    }
    if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
      if ((addr & ~VmFlags.PAGE_MASK) != 0) {
        return -Errno.EINVAL;
      }
      if (addr < VmFlags.MMAP_MIN_ADDR) {
        return -Errno.EPERM;
      }
      if (addr > VmFlags.TASK_SIZE - alen) {
        return -Errno.ENOMEM;
      }
    }
    long vmFlags = MmapOps.vmFlagsFor(prot, type == MAP_SHARED);
    if ((flags & MAP_GROWSDOWN) != 0) {
      vmFlags |= VmFlags.VM_GROWSDOWN;
    }
    long fl = vmFlags;
    return op(() -> mmapOps.mmapRegion(mm, addr, alen, fl, file, pgoff, flags));
  }

  /**
   * A read-write stack VMA at exactly [addr, addr+len) with {@code VM_STACK} ({@code VM_GROWSUP}
   * with STACK_GROWSUP, else {@code VM_GROWSDOWN}), as {@code setup_arg_pages()} creates: the
   * address, or a negative errno as for {@link #mmapFile} with {@code MAP_FIXED_NOREPLACE}.
   */
  public long mmapStack(MmStruct mm, long addr, long len) {
    Objects.requireNonNull(mm, "mm");
    long alen = VmFlags.pageAlign(len);
    if ((addr & ~VmFlags.PAGE_MASK) != 0 || len <= 0) {
      return -Errno.EINVAL;
    }
    if (addr < VmFlags.MMAP_MIN_ADDR) {
      return -Errno.EPERM;
    }
    if (alen == 0 || addr > VmFlags.TASK_SIZE - alen) {
      return -Errno.ENOMEM;
    }
    long fl = MmapOps.vmFlagsFor(PROT_READ | PROT_WRITE, false) | VmFlags.vmStack(config);
    return op(() -> mmapOps.mmapRegion(mm, addr, alen, fl, null, 0, MAP_FIXED_NOREPLACE));
  }

  /**
   * {@code munmap(addr, len)}: 0 (also when nothing was mapped there), {@code -EINVAL} for an
   * unaligned address, a zero length or a range beyond the address space, or {@code -EINTR}.
   */
  public int munmap(MmStruct mm, long addr, long len) {
    Objects.requireNonNull(mm, "mm");
    return op(() -> mmapOps.munmap(mm, addr, len));
  }

  /**
   * {@code mprotect(addr, len, prot)}: 0, {@code -EINVAL} (unaligned, bad prot), {@code -ENOMEM}
   * (part of the range unmapped; nothing is changed), {@code -EACCES} or {@code -EINTR}.
   */
  public int mprotect(MmStruct mm, long addr, long len, int prot) {
    Objects.requireNonNull(mm, "mm");
    return op(() -> mmapOps.mprotect(mm, addr, len, prot));
  }

  /** {@code fork()}'s {@code dup_mmap()}: the child address space, or {@code -EINTR}. */
  public ForkResult fork(MmStruct mm) {
    Objects.requireNonNull(mm, "mm");
    return op(() -> fork.dupMmap(mm));
  }

  /**
   * The exit of the last user of {@code mm} ({@code mmput()}): when this drops {@code mm_users} to
   * zero, {@code exit_mmap()} tears the address space down and {@code mmdrop()} releases the
   * mm_struct, which is freed unless someone still pins it ({@code mmgrab()}). Returns 0. The mm
   * must not be used by the caller afterwards.
   */
  public int exitMm(MmStruct mm) {
    Objects.requireNonNull(mm, "mm");
    return op(
        () -> {
          if (mm.mmUsers().addAndGet(-1) == 0) {
            mmapOps.exitMmap(mm);
            mm.mmdrop();
          }
          return 0;
        });
  }

  /** Reads {@code /proc/pid/maps} of {@code mm}, or {@code -EINTR}. */
  public MapsResult readMaps(MmStruct mm) {
    Objects.requireNonNull(mm, "mm");
    return op(() -> maps.readMaps(mm));
  }

  /**
   * {@code madvise(addr, PAGE_SIZE, MADV_PAGEOUT)} for one present anonymous page: writes it to
   * swap so the next fault swaps it in. 0, {@code -ENOMEM} if unmapped, {@code -EINVAL} if the page
   * is not a present anonymous page, or {@code -EINTR}.
   */
  public int pageout(MmStruct mm, long addr) {
    Objects.requireNonNull(mm, "mm");
    return op(
        () -> {
          int r = mmapLock.mmapReadLockKillable(mm);
          if (r != 0) {
            return r;
          }
          VmAreaStruct vma = mm.mmMt().vmaLookup(addr);
          int ret;
          if (vma == null) {
            ret = -Errno.ENOMEM;
          } else if (!mm.pageTables().install(addr, PageState.ANON, PageState.SWAPPED)) {
            ret = -Errno.EINVAL;
          } else {
            ret = 0;
          }
          mmapLock.mmapReadUnlock(mm);
          return ret;
        });
  }
}
