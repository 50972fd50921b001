package dev.lockkit.golden.lockcore.memory;

import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.OpLine;
import dev.lockkit.golden.scenario.Operations;
import java.util.ArrayList;
import java.util.List;

/**
 * lockcore's scenario vocabulary: the {@code vma} setup line and the memory operations ({@link
 * MemoryOp}), with their syntax (addresses, ranges, permissions, modifiers) and the checks across
 * lines (overlapping VMAs, a signal to a task that does not exist, {@code exit-child} without a
 * {@code fork}). The grammar and the messages are those golden's core used to have, so every
 * lockcore scenario reads exactly as before.
 */
public final class MemoryOperations implements Operations {

  /** The one instance: the vocabulary has no settings. */
  public static final MemoryOperations INSTANCE = new MemoryOperations();

  private static final List<String> USAGE = usageLines();

  private MemoryOperations() {}

  private static List<String> usageLines() {
    List<String> u = new ArrayList<>();
    u.add("fault ADDR [read|write] [user|kernel]");
    u.add("mmap START END PERMS [growsdown|growsup]");
    u.add("munmap START END");
    u.add("mprotect START END PERMS");
    u.add("fork");
    u.add("exit-child");
    u.add("read-maps");
    u.add("expand-stack ADDR");
    u.add("fatal-signal T<n>");
    for (MemoryOp.RawOp r : MemoryOp.RawOp.values()) {
      u.add(r.text());
    }
    return List.copyOf(u);
  }

  @Override
  public List<String> usage() {
    return USAGE;
  }

  @Override
  public List<String> setupUsage() {
    return List.of("vma START END PERMS [growsdown|growsup]");
  }

  @Override
  public Reader reader() {
    return new ScenarioReader();
  }

  /** One scenario's lines: remembers what the checks across lines need. */
  private static final class ScenarioReader implements Reader {
    private final List<Vma> vmas = new ArrayList<>();
    private final List<OpLine> vmaLines = new ArrayList<>();
    private final List<OpLine> signals = new ArrayList<>();
    private OpLine exitChild; // the first exit-child, null if none
    private boolean forks;

    @Override
    public Op setup(OpLine l) {
      if (l.size() < 4 || l.size() > 5) {
        throw l.error(
            l.size() > 5 ? 5 : l.size(), "expected 'vma START END PERMS [growsdown|growsup]'");
      }
      Vma v = at(l, 1, () -> new Vma(address(l, 1), address(l, 2), perms(l, 3), growth(l, 4)));
      for (int i = 0; i < vmas.size(); i++) {
        Vma o = vmas.get(i);
        if (o.start() < v.end() && v.start() < o.end()) {
          int on = vmaLines.get(i).number();
          throw l.error(
              1,
              on > 0
                  ? "VMA overlaps the VMA on line " + on
                  : "VMA " + v.toText().substring(4) + " overlaps VMA " + o.toText().substring(4));
        }
      }
      vmas.add(v);
      vmaLines.add(l);
      return v;
    }

    @Override
    public Op operation(OpLine l) {
      switch (l.name()) {
        case "fault" -> {
          l.arity(2, 4, "fault ADDR [read|write] [user|kernel]");
          Boolean write = null;
          Boolean user = null;
          for (int i = 2; i < l.size(); i++) {
            switch (l.word(i)) {
              case "read", "write" -> {
                if (write != null) {
                  throw l.error(i, "fault access given twice");
                }
                write = l.word(i).equals("write");
              }
              case "user", "kernel" -> {
                if (user != null) {
                  throw l.error(i, "fault mode given twice");
                }
                user = l.word(i).equals("user");
              }
              default ->
                  throw l.error(
                      i,
                      "unknown fault modifier '"
                          + l.word(i)
                          + "' (known: read, write, user, kernel)");
            }
          }
          boolean w = write != null && write;
          boolean u = user == null || user;
          return new MemoryOp.Fault(address(l, 1), w, u);
        }
        case "mmap" -> {
          l.arity(4, 5, "mmap START END PERMS [growsdown|growsup]");
          return at(
              l,
              1,
              () -> new MemoryOp.Mmap(address(l, 1), address(l, 2), perms(l, 3), growth(l, 4)));
        }
        case "munmap" -> {
          l.arity(3, 3, "munmap START END");
          return at(l, 1, () -> new MemoryOp.Munmap(address(l, 1), address(l, 2)));
        }
        case "mprotect" -> {
          l.arity(4, 4, "mprotect START END PERMS");
          return at(l, 1, () -> new MemoryOp.Mprotect(address(l, 1), address(l, 2), perms(l, 3)));
        }
        case "fork" -> {
          l.arity(1, 1, "fork");
          forks = true;
          return new MemoryOp.Fork();
        }
        case "exit-child" -> {
          l.arity(1, 1, "exit-child");
          if (exitChild == null) {
            exitChild = l;
          }
          return new MemoryOp.ExitChild();
        }
        case "read-maps" -> {
          l.arity(1, 1, "read-maps");
          return new MemoryOp.ReadMaps();
        }
        case "expand-stack" -> {
          l.arity(2, 2, "expand-stack ADDR");
          return new MemoryOp.ExpandStack(address(l, 1));
        }
        case "fatal-signal" -> {
          l.arity(2, 2, "fatal-signal T<n>");
          if (!l.word(1).matches("T\\d{1,2}")) {
            throw l.error(1, "fatal-signal needs a task name like T1, got '" + l.word(1) + "'");
          }
          signals.add(l);
          return new MemoryOp.FatalSignal(Integer.parseInt(l.word(1).substring(1)));
        }
        default -> {
          for (MemoryOp.RawOp r : MemoryOp.RawOp.values()) {
            if (r.text().equals(l.name())) {
              l.arity(1, 1, l.name());
              return new MemoryOp.Raw(r);
            }
          }
          throw l.error(0, "unknown operation '" + l.name() + "'");
        }
      }
    }

    @Override
    public void finish(int tasks) {
      for (OpLine s : signals) {
        int target = Integer.parseInt(s.word(1).substring(1));
        if (target >= tasks || target == s.task()) {
          throw s.error(
              1,
              "fatal-signal T"
                  + target
                  + ": no other task of that name (tasks: T0..T"
                  + (tasks - 1)
                  + ")");
        }
      }
      if (exitChild != null && !forks) {
        throw exitChild.error(0, "exit-child needs a 'fork' in the scenario (there is no child)");
      }
    }
  }

  /** Word {@code i} as an address; a bad one is an error at that word. */
  private static long address(OpLine l, int i) {
    try {
      return Addresses.parse(l.word(i));
    } catch (IllegalArgumentException e) {
      throw l.error(i, e.getMessage());
    }
  }

  private static String perms(OpLine l, int i) {
    try {
      return Addresses.checkPerms(l.word(i));
    } catch (IllegalArgumentException e) {
      throw l.error(i, e.getMessage());
    }
  }

  private static Vma.Growth growth(OpLine l, int i) {
    if (l.size() <= i) {
      return Vma.Growth.NONE;
    }
    return switch (l.word(i)) {
      case "growsdown" -> Vma.Growth.GROWSDOWN;
      case "growsup" -> Vma.Growth.GROWSUP;
      default ->
          throw l.error(i, "unknown VMA flag '" + l.word(i) + "' (known: growsdown, growsup)");
    };
  }

  /**
   * {@code make}'s value; a range the record refuses (unaligned, empty) is an error at word {@code
   * i}, the range's start.
   */
  private static <T> T at(OpLine l, int i, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (OpLine.Error e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw l.error(i, e.getMessage());
    }
  }
}
