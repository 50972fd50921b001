package dev.lockkit.golden.target;

import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.OpLine;
import dev.lockkit.golden.scenario.Operations;
import java.util.List;

/**
 * The toy target's vocabulary, a target's own as golden's core sees one: a {@code vma START END
 * PERMS} setup line and {@code fault ADDR [read|write] [user|kernel]}, {@code mmap START END
 * PERMS}, {@code munmap START END}, {@code mprotect START END PERMS} and {@code fork}, with typed
 * records and checks across lines (overlapping VMAs).
 */
public final class ToyOps implements Operations {

  public static final ToyOps INSTANCE = new ToyOps();

  private ToyOps() {}

  /** A VMA of the toy's initial space. */
  public record ToyVma(long start, long end, String perms) implements Op {
    @Override
    public String toText() {
      return "vma " + hex(start) + " " + hex(end) + " " + perms;
    }
  }

  /** A fault. */
  public record Fault(long address, boolean write, boolean user) implements Op {
    @Override
    public String toText() {
      return "fault " + hex(address) + (write ? " write" : " read") + (user ? " user" : " kernel");
    }
  }

  /** A new mapping. */
  public record Mmap(long start, long end, String perms) implements Op {
    @Override
    public String toText() {
      return "mmap " + hex(start) + " " + hex(end) + " " + perms;
    }
  }

  /** An unmapping. */
  public record Munmap(long start, long end) implements Op {
    @Override
    public String toText() {
      return "munmap " + hex(start) + " " + hex(end);
    }
  }

  /** A protection change (the toy does not perform it). */
  public record Mprotect(long start, long end, String perms) implements Op {
    @Override
    public String toText() {
      return "mprotect " + hex(start) + " " + hex(end) + " " + perms;
    }
  }

  /** A fork (the toy does not perform it). */
  public record Fork() implements Op {
    @Override
    public String toText() {
      return "fork";
    }
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  @Override
  public List<String> usage() {
    return List.of(
        "fault ADDR [read|write] [user|kernel]",
        "mmap START END PERMS",
        "munmap START END",
        "mprotect START END PERMS",
        "fork");
  }

  @Override
  public List<String> setupUsage() {
    return List.of("vma START END PERMS");
  }

  @Override
  public Reader reader() {
    return new Reader() {
      private final java.util.List<ToyVma> vmas = new java.util.ArrayList<>();
      private final java.util.List<Integer> lines = new java.util.ArrayList<>();

      @Override
      public Op setup(OpLine l) {
        l.arity(4, 4, "vma START END PERMS");
        ToyVma v = new ToyVma(address(l, 1), address(l, 2), l.word(3));
        for (int i = 0; i < vmas.size(); i++) {
          if (vmas.get(i).start() < v.end() && v.start() < vmas.get(i).end()) {
            throw l.error(1, "VMA overlaps the VMA on line " + lines.get(i));
          }
        }
        vmas.add(v);
        lines.add(l.number());
        return v;
      }

      @Override
      public Op operation(OpLine l) {
        return switch (l.name()) {
          case "fault" -> {
            l.arity(2, 4, "fault ADDR [read|write] [user|kernel]");
            boolean write = false;
            boolean user = true;
            for (int i = 2; i < l.size(); i++) {
              switch (l.word(i)) {
                case "read" -> write = false;
                case "write" -> write = true;
                case "user" -> user = true;
                case "kernel" -> user = false;
                default -> throw l.error(i, "unknown fault modifier '" + l.word(i) + "'");
              }
            }
            yield new Fault(address(l, 1), write, user);
          }
          case "mmap" -> {
            l.arity(4, 4, "mmap START END PERMS");
            yield new Mmap(address(l, 1), address(l, 2), l.word(3));
          }
          case "munmap" -> {
            l.arity(3, 3, "munmap START END");
            yield new Munmap(address(l, 1), address(l, 2));
          }
          case "mprotect" -> {
            l.arity(4, 4, "mprotect START END PERMS");
            yield new Mprotect(address(l, 1), address(l, 2), l.word(3));
          }
          default -> {
            l.arity(1, 1, "fork");
            yield new Fork();
          }
        };
      }
    };
  }

  private static long address(OpLine l, int i) {
    String w = l.word(i);
    try {
      return w.startsWith("0x") ? Long.parseLong(w.substring(2), 16) : Long.parseLong(w);
    } catch (NumberFormatException e) {
      throw l.error(i, "bad address '" + w + "': expected hex (0x1000) or decimal");
    }
  }
}
