package dev.lockkit.golden.lockcore;

import dev.lockkit.golden.lockcore.memory.Addresses;
import dev.lockkit.golden.lockcore.memory.MemoryOp;
import dev.lockkit.golden.lockcore.memory.MemoryOperations;
import dev.lockkit.golden.lockcore.memory.Vma;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.spi.RunBinding;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import dev.lockkit.lockcore.config.HistoricalBug;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.mm.Access;
import dev.lockkit.lockcore.mm.Kernel;
import dev.lockkit.lockcore.mm.MapsResult;
import dev.lockkit.lockcore.mm.PlantedBug;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.Report;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.List;
import java.util.Map;

/**
 * lockcore behind the scenario driver, through its {@link Kernel} facade.
 *
 * <p>Each schedule boots a fresh kernel for the variant, maps the scenario's VMAs into a new
 * address space (as the unscheduled task {@code setup}), and creates one lockcore {@link Task} per
 * scenario task, named {@code T0}, {@code T1}... so that lockcore's own trace and report text names
 * the same tasks as the harness. lockcore's tracepoints and VMA-lock counters go to the trace; its
 * WARN, BUG, lockdep and poisoned-access reports end the schedule as failures; an oops is an
 * ordinary outcome (the fault handler returns it), so it is traced, not failed.
 *
 * <p>Operations map onto the facade: {@code fault} is the arch fault handler ({@code kernel} faults
 * come from an instruction with no exception-table entry, so they oops rather than fix up); {@code
 * mmap} is anonymous private {@code MAP_FIXED_NOREPLACE}; {@code expand-stack ADDR} is a user write
 * fault at ADDR, which is how a process grows its stack (lockcore's expand_stack is internal to the
 * fault path); {@code exit-child} is {@code Kernel.exitMm} of the latest fork child not yet exited;
 * raw {@code mmap_*} operations call lockcore's mmap_lock API directly.
 */
public final class LockcoreTarget implements ScenarioTarget {

  // A kernel text address outside every exception table: a kernel fault there is an oops.
  private static final long KERNEL_IP = 0xffffffff81000000L;

  private final HistoricalBug bug;
  private final PlantedBug planted;

  /** lockcore as it is. */
  public LockcoreTarget() {
    this((HistoricalBug) null);
  }

  /**
   * lockcore with one historical bug put back ({@code Kernel.bootWithHistoricalBug}), or as it is
   * when {@code bug} is null: lets the golden suite, and Fray, show they catch it.
   */
  public LockcoreTarget(HistoricalBug bug) {
    this(bug, null);
  }

  private LockcoreTarget(HistoricalBug bug, PlantedBug planted) {
    this.bug = bug;
    this.planted = planted;
  }

  /**
   * lockcore with one planted one-line bug ({@code Kernel.bootWithPlantedBug}): lets tests show
   * what the golden text makes visible.
   */
  public static LockcoreTarget withPlantedBug(PlantedBug planted) {
    return new LockcoreTarget(null, java.util.Objects.requireNonNull(planted, "planted"));
  }

  @Override
  public String name() {
    return planted != null ? "lockcore+" + planted : bug == null ? "lockcore" : "lockcore+" + bug;
  }

  /** lockcore reaches the run's scheduler through its own {@code sync.Platform}, bridged. */
  @Override
  public RunBinding binding() {
    return LockcorePlatform.BINDING;
  }

  /** lockcore's vocabulary: the {@code vma} setup line and the memory operations. */
  @Override
  public Operations operations() {
    return MemoryOperations.INSTANCE;
  }

  @Override
  public Machine boot(Variant variant, List<Op> lines, int taskCount, Events events) {
    Kernel k =
        planted != null
            ? Kernel.bootWithPlantedBug(
                LockcoreVariants.config(variant), ExceptionTable.empty(), planted)
            : bug == null
                ? Kernel.boot(LockcoreVariants.config(variant), ExceptionTable.empty())
                : Kernel.bootWithHistoricalBug(
                    LockcoreVariants.config(variant), ExceptionTable.empty(), bug);
    k.setTraceSink(e -> events.event(stripTask(e.task(), e.canonical())));
    k.reports().addSink(r -> forward(r, events));
    Task setup = Task.create("setup");
    MmStruct mm = setup.call(k::newMm);
    for (Vma v : vmas(lines)) {
      long r = setup.call(() -> map(k, mm, v));
      if (r < 0) {
        throw new IllegalArgumentException(
            "setup " + v.toText() + " failed in lockcore: " + Errno.name(r));
      }
    }
    Task[] tasks = new Task[taskCount];
    for (int i = 0; i < taskCount; i++) {
      tasks[i] = Task.create("T" + i);
    }
    return new LockcoreMachine(k, mm, tasks);
  }

  /**
   * The setup lines as VMAs: {@link MemoryOperations} makes nothing else, and the runner checks
   * every scenario against it before booting.
   */
  public static List<Vma> vmas(List<Op> setup) {
    List<Vma> out = new java.util.ArrayList<>();
    for (Op o : setup) {
      if (!(o instanceof Vma v)) {
        throw new IllegalArgumentException("lockcore has no setup line '" + o.toText() + "'");
      }
      out.add(v);
    }
    return out;
  }

  private static long map(Kernel k, MmStruct mm, Vma v) {
    if (v.growth() == Vma.Growth.GROWSUP) {
      if (!k.config().isEnabled(Option.STACK_GROWSUP)) {
        throw new IllegalArgumentException(
            v.toText() + ": lockcore has VM_GROWSUP stacks only with STACK_GROWSUP");
      }
      return k.mmapStack(mm, v.start(), v.end() - v.start());
    }
    int flags = Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS | Kernel.MAP_FIXED_NOREPLACE;
    if (v.growth() == Vma.Growth.GROWSDOWN) {
      flags |= Kernel.MAP_GROWSDOWN;
    }
    return k.mmap(mm, v.start(), v.end() - v.start(), prot(v.perms()), flags);
  }

  static int prot(String perms) {
    return (perms.charAt(0) == 'r' ? Kernel.PROT_READ : 0)
        | (perms.charAt(1) == 'w' ? Kernel.PROT_WRITE : 0)
        | (perms.charAt(2) == 'x' ? Kernel.PROT_EXEC : 0);
  }

  private static String stripTask(String task, String canonical) {
    String prefix = task + ": ";
    return canonical.startsWith(prefix) ? canonical.substring(prefix.length()) : canonical;
  }

  private static void forward(Report r, Events events) {
    switch (r.kind()) {
      case WARN -> events.failure(Failure.Kind.WARN, r.message());
      case BUG -> events.failure(Failure.Kind.BUG, r.message());
      case LOCKDEP -> events.failure(Failure.Kind.LOCKDEP, r.message());
      case POISON -> events.failure(Failure.Kind.POISONED_ACCESS, r.message());
      case OOPS -> events.event("oops: " + r.message());
    }
  }

  private static final class LockcoreMachine implements Machine {
    private final Kernel k;
    private final MmStruct mm;
    private final Task[] tasks;
    // The fork children not yet exited, latest last, for exit-child. Only the running task
    // touches it (the scheduler runs one task at a time, and hands over with a happens-before).
    private final java.util.ArrayDeque<MmStruct> children = new java.util.ArrayDeque<>();
    // Each task's last mmap_lock_speculate_try_begin result, for its retry; task-private like the
    // kernel's local seq variable.
    private final java.util.OptionalInt[] speculation;

    LockcoreMachine(Kernel k, MmStruct mm, Task[] tasks) {
      this.k = k;
      this.mm = mm;
      this.tasks = tasks;
      this.speculation = new java.util.OptionalInt[tasks.length];
    }

    @Override
    public void enterTask(int task) {
      tasks[task].bindToCurrentThread();
    }

    @Override
    public String perform(int task, Op op) {
      if (op instanceof MemoryOp.Fault f) {
        Access a = f.write() ? Access.WRITE : Access.READ;
        PtRegs regs = f.user() ? PtRegs.user() : PtRegs.kernel(KERNEL_IP);
        return k.fault(mm, f.address(), a, regs).toString();
      }
      if (op instanceof MemoryOp.ExpandStack s) {
        return k.fault(mm, s.address(), Access.WRITE, PtRegs.user()).toString();
      }
      if (op instanceof MemoryOp.Mmap m) {
        long r = map(k, mm, new Vma(m.start(), m.end(), m.perms(), m.growth()));
        return r < 0 ? Errno.name(r) : Addresses.hex(r);
      }
      if (op instanceof MemoryOp.Munmap m) {
        return Errno.name(k.munmap(mm, m.start(), m.end() - m.start()));
      }
      if (op instanceof MemoryOp.Mprotect m) {
        return Errno.name(k.mprotect(mm, m.start(), m.end() - m.start(), prot(m.perms())));
      }
      if (op instanceof MemoryOp.Fork) {
        var r = k.fork(mm);
        if (r.error() == 0) {
          children.addLast(r.child());
        }
        return Errno.name(r.error());
      }
      if (op instanceof MemoryOp.ExitChild) {
        MmStruct child = children.pollLast();
        return child == null ? "no child" : Errno.name(k.exitMm(child));
      }
      if (op instanceof MemoryOp.ReadMaps) {
        MapsResult r = k.readMaps(mm);
        return r.error() != 0 ? Errno.name(r.error()) : r.lines().size() + " lines";
      }
      if (op instanceof MemoryOp.FatalSignal s) {
        tasks[s.target()].sendFatalSignal();
        return "0";
      }
      if (op instanceof MemoryOp.Raw r) {
        return raw(task, r.op());
      }
      throw new IllegalArgumentException("lockcore cannot perform " + op.toText());
    }

    private String raw(int task, MemoryOp.RawOp op) {
      var lock = k.mmapLock();
      switch (op) {
        case MMAP_LOCK_SPECULATE_TRY_BEGIN -> {
          // As the kernel's speculative readers (uprobes): the whole speculation is an RCU
          // read-side section, held from the begin to the retry of the same task.
          k.rcu().readLock();
          java.util.OptionalInt seq = lock.mmapLockSpeculateTryBegin(mm);
          speculation[task] = seq;
          if (seq.isEmpty()) {
            k.rcu().readUnlock();
            return "writer active";
          }
          // The speculative read: the VMA count, without the mmap_lock.
          return "begun, saw " + mm.mmMt().size() + " vmas";
        }
        case MMAP_LOCK_SPECULATE_RETRY -> {
          java.util.OptionalInt seq = speculation[task];
          speculation[task] = null;
          if (seq == null || seq.isEmpty()) {
            return "no speculation";
          }
          boolean retry = lock.mmapLockSpeculateRetry(mm, seq.getAsInt());
          k.rcu().readUnlock();
          return retry ? "retry" : "valid";
        }
        case MMAP_READ_LOCK -> lock.mmapReadLock(mm);
        case MMAP_READ_LOCK_KILLABLE -> {
          return Errno.name(lock.mmapReadLockKillable(mm));
        }
        case MMAP_READ_TRYLOCK -> {
          return lock.mmapReadTrylock(mm) ? "1" : "0";
        }
        case MMAP_READ_UNLOCK -> lock.mmapReadUnlock(mm);
        case MMAP_WRITE_LOCK -> lock.mmapWriteLock(mm);
        case MMAP_WRITE_LOCK_KILLABLE -> {
          return Errno.name(lock.mmapWriteLockKillable(mm));
        }
        case MMAP_WRITE_UNLOCK -> lock.mmapWriteUnlock(mm);
        case MMAP_WRITE_DOWNGRADE -> lock.mmapWriteDowngrade(mm);
      }
      return "0";
    }

    @Override
    public String snapshot() {
      // Runs on the harness thread, after every task ended. A scenario may end with the
      // mmap_lock still held (raw lock operations); reading the maps would then block, so the
      // maps are read only when the lock is free.
      Task observer = Task.create("snapshot");
      StringBuilder sb = new StringBuilder();
      boolean free =
          observer.call(
              () -> {
                if (!k.mmapLock().mmapReadTrylock(mm)) {
                  return false;
                }
                k.mmapLock().mmapReadUnlock(mm);
                return true;
              });
      if (free) {
        MapsResult maps = observer.call(() -> k.readMaps(mm));
        sb.append("maps:\n");
        for (String line : maps.lines()) {
          sb.append("  ").append(line).append('\n');
        }
      } else {
        sb.append("maps: not read, the mmap_lock is still held\n");
      }
      sb.append(pageTables(observer, mm));
      Map<String, Long> stats = k.vmaLockStats();
      if (!stats.isEmpty()) {
        sb.append("vma lock stats:");
        stats.forEach((name, n) -> sb.append(' ').append(name).append('=').append(n));
        sb.append('\n');
      }
      return sb.toString();
    }
  }

  /**
   * The final page tables of {@code mm}, one line per entry in address order: {@code pte ADDR rw},
   * {@code r} for a read-only entry, {@code swap} for a swap entry. Read by {@code observer} after
   * every task ended; shared with the pre-split target so both print the same text.
   */
  public static String pageTables(Task observer, MmStruct mm) {
    var entries = observer.call(() -> mm.pageTables().entries());
    StringBuilder sb = new StringBuilder();
    entries.forEach(
        (page, pte) ->
            sb.append("pte ")
                .append(Addresses.hex(page))
                .append(' ')
                .append(pte.protText())
                .append('\n'));
    return sb.toString();
  }
}
