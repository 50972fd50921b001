package dev.lockkit.golden.lockcore.memory;

import dev.lockkit.golden.scenario.Op;
import java.util.Locale;

/**
 * The memory operations of lockcore's scenarios, read by {@link MemoryOperations}: faults, the mm
 * writers, fork and exit, {@code /proc/pid/maps}, fatal signals and the raw mmap_lock API. {@link
 * #toText()} is each one's canonical {@code .scn} form, which the vocabulary reads back to an equal
 * object and traces print (unchanged from when golden's core parsed them, so every approved file
 * reads the same).
 */
public sealed interface MemoryOp extends Op {

  /** A page fault at {@code address}; {@code user} is false for a kernel-mode access. */
  record Fault(long address, boolean write, boolean user) implements MemoryOp {
    /** Checks the address. */
    public Fault {
      Addresses.check(address, Addresses.hex(address));
    }

    @Override
    public String toText() {
      return "fault "
          + Addresses.hex(address)
          + (write ? " write" : " read")
          + (user ? " user" : " kernel");
    }
  }

  /** {@code mmap} of a fixed range (MAP_FIXED_NOREPLACE: overlapping an existing VMA fails). */
  record Mmap(long start, long end, String perms, Vma.Growth growth) implements MemoryOp {
    /** Checks the range. */
    public Mmap {
      Addresses.checkRange(start, end);
      Addresses.checkPerms(perms);
    }

    @Override
    public String toText() {
      return "mmap "
          + Addresses.hex(start)
          + " "
          + Addresses.hex(end)
          + " "
          + perms
          + (growth == Vma.Growth.NONE ? "" : " " + growth.name().toLowerCase(Locale.ROOT));
    }
  }

  /** {@code munmap} of a range. */
  record Munmap(long start, long end) implements MemoryOp {
    /** Checks the range. */
    public Munmap {
      Addresses.checkRange(start, end);
    }

    @Override
    public String toText() {
      return "munmap " + Addresses.hex(start) + " " + Addresses.hex(end);
    }
  }

  /** {@code mprotect} of a range to {@code perms}. */
  record Mprotect(long start, long end, String perms) implements MemoryOp {
    /** Checks the range. */
    public Mprotect {
      Addresses.checkRange(start, end);
      Addresses.checkPerms(perms);
    }

    @Override
    public String toText() {
      return "mprotect " + Addresses.hex(start) + " " + Addresses.hex(end) + " " + perms;
    }
  }

  /** {@code fork()}: dup_mmap of the address space. */
  record Fork() implements MemoryOp {
    @Override
    public String toText() {
      return "fork";
    }
  }

  /**
   * The exit of the latest child address space a {@code fork} of the scenario created and that has
   * not exited yet (any task's fork; nothing to do if there is none yet): {@code mmput()}, so
   * {@code exit_mmap()} and the final {@code mmdrop()}.
   */
  record ExitChild() implements MemoryOp {
    @Override
    public String toText() {
      return "exit-child";
    }
  }

  /** Reading {@code /proc/<pid>/maps}. */
  record ReadMaps() implements MemoryOp {
    @Override
    public String toText() {
      return "read-maps";
    }
  }

  /** {@code expand_stack()} to cover {@code address}. */
  record ExpandStack(long address) implements MemoryOp {
    /** Checks the address. */
    public ExpandStack {
      Addresses.check(address, Addresses.hex(address));
    }

    @Override
    public String toText() {
      return "expand-stack " + Addresses.hex(address);
    }
  }

  /** Sends a fatal signal (SIGKILL) to task {@code target}: its killable waits return -EINTR. */
  record FatalSignal(int target) implements MemoryOp {
    @Override
    public String toText() {
      return "fatal-signal T" + target;
    }
  }

  /** A raw mmap_lock operation, for scenarios about the lock itself. */
  record Raw(RawOp op) implements MemoryOp {
    @Override
    public String toText() {
      return op.text();
    }
  }

  /** The raw mmap_lock operations, named as the kernel functions. */
  enum RawOp {
    /** {@code mmap_read_lock}. */
    MMAP_READ_LOCK,
    /** {@code mmap_read_lock_killable}. */
    MMAP_READ_LOCK_KILLABLE,
    /** {@code mmap_read_trylock}. */
    MMAP_READ_TRYLOCK,
    /** {@code mmap_read_unlock}. */
    MMAP_READ_UNLOCK,
    /** {@code mmap_write_lock}. */
    MMAP_WRITE_LOCK,
    /** {@code mmap_write_lock_killable}. */
    MMAP_WRITE_LOCK_KILLABLE,
    /** {@code mmap_write_unlock}. */
    MMAP_WRITE_UNLOCK,
    /** {@code mmap_write_downgrade}. */
    MMAP_WRITE_DOWNGRADE,
    /**
     * {@code mmap_lock_speculate_try_begin}, followed by the speculative read: the mm's VMA count,
     * read without the lock (the reader's result names it, or says a writer was active).
     */
    MMAP_LOCK_SPECULATE_TRY_BEGIN,
    /**
     * {@code mmap_lock_speculate_retry} of the task's last begun speculation: {@code valid} (what
     * it read stands) or {@code retry} (a writer intervened).
     */
    MMAP_LOCK_SPECULATE_RETRY;

    /** The kernel function name. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
