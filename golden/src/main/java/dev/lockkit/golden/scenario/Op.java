package dev.lockkit.golden.scenario;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One operation of a task. {@link #toText()} is its canonical {@code .scn} form, which the parser
 * reads back to an equal object and traces print.
 */
public sealed interface Op {

  /** The canonical {@code .scn} text. */
  String toText();

  /**
   * The operation's keyword as a scenario writes it ({@code fault}, {@code mmap_read_lock}...;
   * {@code call} for a target's own operation): what a target declares it performs.
   */
  default String keyword() {
    String t = toText();
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }

  /**
   * The keywords of the built-in memory operations (every operation but {@code call}): the
   * vocabulary of address-space targets such as lockcore's, which declares it in {@code
   * ScenarioTarget.memoryOperations()}. A target that does not declare one refuses a scenario using
   * it before anything runs.
   */
  static Set<String> memoryOperations() {
    Set<String> ops =
        new LinkedHashSet<>(
            List.of(
                "fault",
                "mmap",
                "munmap",
                "mprotect",
                "fork",
                "exit-child",
                "read-maps",
                "expand-stack",
                "fatal-signal"));
    for (RawOp r : RawOp.values()) {
      ops.add(r.text());
    }
    return Collections.unmodifiableSet(ops);
  }

  /** A page fault at {@code address}; {@code user} is false for a kernel-mode access. */
  record Fault(long address, boolean write, boolean user) implements Op {
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
  record Mmap(long start, long end, String perms, Vma.Growth growth) implements Op {
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
  record Munmap(long start, long end) implements Op {
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
  record Mprotect(long start, long end, String perms) implements Op {
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
  record Fork() implements Op {
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
  record ExitChild() implements Op {
    @Override
    public String toText() {
      return "exit-child";
    }
  }

  /** Reading {@code /proc/<pid>/maps}. */
  record ReadMaps() implements Op {
    @Override
    public String toText() {
      return "read-maps";
    }
  }

  /** {@code expand_stack()} to cover {@code address}. */
  record ExpandStack(long address) implements Op {
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
  record FatalSignal(int target) implements Op {
    @Override
    public String toText() {
      return "fatal-signal T" + target;
    }
  }

  /** A raw mmap_lock operation, for scenarios about the lock itself. */
  record Raw(RawOp op) implements Op {
    @Override
    public String toText() {
      return op.text();
    }
  }

  /**
   * An operation of the target's own, {@code call NAME [ARG...]}: golden only carries it; the
   * target declares the names it performs ({@code ScenarioTarget.operations()}) and performs it.
   */
  record Call(String name, List<String> args) implements Op {
    /** Checks the name (lower case, digits and '-') and copies the arguments. */
    public Call {
      if (!name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "operation name must be lower case letters, digits and '-', got '" + name + "'");
      }
      args = List.copyOf(args);
    }

    @Override
    public String toText() {
      return args.isEmpty() ? "call " + name : "call " + name + " " + String.join(" ", args);
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
