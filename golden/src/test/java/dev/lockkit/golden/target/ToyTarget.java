package dev.lockkit.golden.target;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.spi.Scheduling;
import dev.lockkit.golden.target.ToyOps.ToyVma;
import java.util.ArrayList;
import java.util.List;

/**
 * A toy "kernel" for driver tests: an address space (an immutable VMA list in a cell) guarded by a
 * spin lock, faults that look the address up, and munmap/mmap that replace the list. With {@code
 * lockless} faults skip the lock, which changes the trace but not the outcomes: what a differential
 * run must notice. The variant option {@code STATS} adds a fault counter to the outcome, so golden
 * text differs per variant.
 */
public final class ToyTarget implements ScenarioTarget {

  private final boolean lockless;

  public ToyTarget(boolean lockless) {
    this.lockless = lockless;
  }

  @Override
  public Operations operations() {
    return ToyOps.INSTANCE;
  }

  @Override
  public String name() {
    return lockless ? "toy-lockless" : "toy";
  }

  /** A shared word announced to the platform, like lockcore's sync cells. */
  static final class Word<T> {
    private final String name;
    private T value;

    Word(String name, T v) {
      this.name = name;
      this.value = v;
    }

    T get() {
      Scheduling.current().beforeSharedAccess(this, "ref.get");
      return value;
    }

    void set(T v) {
      Scheduling.current().beforeSharedAccess(this, "ref.set");
      value = v;
    }

    boolean cas(T expect, T update) {
      Scheduling.current().beforeSharedAccess(this, "ref.cas");
      if (value == expect) {
        value = update;
        return true;
      }
      return false;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Override
  public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
    List<ToyVma> vmas = new ArrayList<>();
    for (Op o : setup) {
      vmas.add((ToyVma) o);
    }
    Word<Boolean> lock = new Word<>("mmap_lock", Boolean.FALSE);
    Word<List<ToyVma>> space = new Word<>("vmas", List.copyOf(vmas));
    Word<Integer> faults = new Word<>("faults", 0);
    boolean stats = variant.isEnabled("STATS");
    return new Machine() {
      @Override
      public void enterTask(int task) {}

      private void lock() {
        while (!lock.cas(Boolean.FALSE, Boolean.TRUE)) {
          Scheduling.current().spinWait(lock);
        }
        events.event("lock acquired");
      }

      private void unlock() {
        events.event("lock released");
        lock.set(Boolean.FALSE);
      }

      @Override
      public String perform(int task, Op op) {
        if (op instanceof ToyOps.Fault f) {
          if (!lockless) {
            lock();
          }
          String r = "VM_FAULT_SIGSEGV";
          for (ToyVma v : space.get()) {
            if (v.start() <= f.address() && f.address() < v.end()) {
              r = "VM_FAULT_COMPLETED";
            }
          }
          if (stats) {
            faults.set(faults.get() + 1);
          }
          if (!lockless) {
            unlock();
          }
          return r;
        }
        if (op instanceof ToyOps.Munmap m) {
          lock();
          List<ToyVma> next = new ArrayList<>();
          for (ToyVma v : space.get()) {
            if (v.end() <= m.start() || v.start() >= m.end()) {
              next.add(v);
            }
          }
          space.set(List.copyOf(next));
          unlock();
          return "0";
        }
        if (op instanceof ToyOps.Mmap m) {
          lock();
          List<ToyVma> cur = space.get();
          for (ToyVma v : cur) {
            if (v.start() < m.end() && m.start() < v.end()) {
              unlock();
              return "-EEXIST";
            }
          }
          List<ToyVma> next = new ArrayList<>(cur);
          next.add(new ToyVma(m.start(), m.end(), m.perms()));
          next.sort((a, b) -> Long.compare(a.start(), b.start()));
          space.set(List.copyOf(next));
          unlock();
          return "0";
        }
        return "-ENOSYS";
      }

      @Override
      public String snapshot() {
        StringBuilder sb = new StringBuilder("maps:\n");
        for (ToyVma v : space.get()) {
          sb.append("  ")
              .append(ToyOps.hex(v.start()))
              .append('-')
              .append(ToyOps.hex(v.end()))
              .append(' ')
              .append(v.perms())
              .append('\n');
        }
        if (stats) {
          sb.append("faults: ").append(faults.get()).append('\n');
        }
        return sb.toString();
      }
    };
  }
}
