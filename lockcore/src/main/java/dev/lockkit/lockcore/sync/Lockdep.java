package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.IfConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock dependency validator for one booted kernel (lockdep, the parts lockcore needs).
 *
 * <p>Implementation overview. A lock class is a {@link LockClassKey} plus a subclass (the {@code
 * _nested} annotations). Each task keeps its stack of held locks (task-private state, padded:
 * {@link LockdepHeldLocks}). On a blocking acquisition of class B while holding class A, lockdep
 * records the edge A → B in a global graph; if B already reaches A, the new edge closes a cycle,
 * i.e. two code paths take the same classes in opposite orders (AB-BA), which can deadlock even if
 * this run did not — that is reported. Trylock acquisitions cannot deadlock and add no edges.
 * Releasing a lock the task does not hold is reported as a bad unlock balance. Taking a class the
 * task already holds is reported as recursive locking unless both acquisitions are reads.
 *
 * <p>As in the kernel, the first report turns lockdep off for the rest of the boot ({@code
 * debug_locks_off()}), so one bug yields one splat. The graph is shared and guarded by a {@link
 * SpinLock}; reports are deterministic: classes are named, never hashed, and edges are kept in
 * insertion order so the reported chain is reproducible.
 */
@IfConfig("DEBUG_LOCK_ALLOC")
public final class Lockdep {
  private final Reports reports;
  private final SpinLock graphLock = new SpinLock();
  // guarded by graphLock
  private final Map<LockClass, Set<LockClass>> after = new LinkedHashMap<>();
  private final SharedInt debugLocks = new SharedInt(1);

  /** Lockdep reporting to {@code reports}. */
  public Lockdep(Reports reports) {
    this.reports = reports;
  }

  private record LockClass(LockClassKey key, int subclass) {
    @Override
    public String toString() {
      return subclass == 0 ? key.name() : key.name() + "/" + subclass;
    }
  }

  private LockdepHeldLocks.Stack held() {
    return Task.current().local(this, k -> new LockdepHeldLocks.Stack());
  }

  private static LockClass classOf(LockdepHeldLocks.Entry h) {
    return new LockClass(h.key, h.subclass);
  }

  /** Whether lockdep is still checking (no report so far in this boot). */
  public boolean debugLocks() {
    return debugLocks.get() != 0;
  }

  private void splat(String message) {
    if (debugLocks.compareAndSet(1, 0)) {
      reports.lockdep(message);
    }
  }

  /**
   * {@code lock_acquire()}: the current task is about to take (or, for a trylock, has taken) {@code
   * map} in class {@code subclass}.
   *
   * @param read a shared acquisition ({@code rwsem_acquire_read})
   * @param trylock the acquisition cannot block, so it adds no ordering
   */
  public void acquire(LockdepMap map, int subclass, boolean read, boolean trylock) {
    LockdepHeldLocks.Stack mine = held();
    if (debugLocks() && !trylock) {
      String problem = null;
      graphLock.lock();
      try {
        problem = check(mine, new LockClass(map.key(), subclass), read, map);
      } finally {
        graphLock.unlock();
      }
      if (problem != null) {
        splat(problem);
      }
    }
    // A trylock (every fault's VMA read lock) allocates nothing: the entry is reused.
    mine.push(map, map.key(), subclass, read);
  }

  private String check(LockdepHeldLocks.Stack mine, LockClass next, boolean read, LockdepMap map) {
    String task = Task.current().name();
    for (int i = 0; i < mine.depth(); i++) {
      LockdepHeldLocks.Entry h = mine.get(i);
      if (h.isClass(next.key(), next.subclass())) {
        if (h.read && read) {
          continue;
        }
        return "possible recursive locking detected: "
            + task
            + " is trying to acquire "
            + map.name()
            + " ("
            + next
            + ") but already holds "
            + h.map.name()
            + " ("
            + classOf(h)
            + ")";
      }
    }
    for (int i = 0; i < mine.depth(); i++) {
      LockClass held = classOf(mine.get(i));
      if (held.equals(next) || after.getOrDefault(held, Set.of()).contains(next)) {
        continue;
      }
      List<LockClass> chain = path(next, held);
      if (chain != null) {
        return "possible circular locking dependency detected: "
            + task
            + " is trying to acquire "
            + next
            + " while holding "
            + held
            + ", but the existing dependency chain is "
            + String.join(" -> ", chain.stream().map(LockClass::toString).toList());
      }
      after.computeIfAbsent(held, k -> new LinkedHashSet<>()).add(next);
    }
    return null;
  }

  /** Breadth-first shortest path from {@code from} to {@code to} in the order graph, or null. */
  private List<LockClass> path(LockClass from, LockClass to) {
    Map<LockClass, LockClass> parent = new HashMap<>();
    Deque<LockClass> queue = new ArrayDeque<>();
    queue.add(from);
    parent.put(from, from);
    while (!queue.isEmpty()) {
      LockClass c = queue.poll();
      if (c.equals(to)) {
        List<LockClass> out = new ArrayList<>();
        for (LockClass x = to; ; x = parent.get(x)) {
          out.add(x);
          if (x.equals(from)) {
            break;
          }
        }
        Collections.reverse(out);
        return out;
      }
      for (LockClass n : after.getOrDefault(c, Set.of())) {
        if (parent.putIfAbsent(n, c) == null) {
          queue.add(n);
        }
      }
    }
    return null;
  }

  /**
   * {@code lock_release()}: the current task releases {@code map}.
   *
   * @return false (after a report) if the task does not hold it
   */
  public boolean release(LockdepMap map) {
    LockdepHeldLocks.Stack mine = held();
    for (int i = mine.depth() - 1; i >= 0; i--) {
      if (mine.get(i).map == map) {
        mine.remove(i);
        return true;
      }
    }
    splat(
        "bad unlock balance detected: "
            + Task.current().name()
            + " is trying to release "
            + map.name()
            + " but there are no more locks to release");
    return false;
  }

  /** {@code lock_downgrade()}: the held write acquisition of {@code map} becomes a read. */
  public void downgrade(LockdepMap map) {
    LockdepHeldLocks.Stack mine = held();
    for (int i = 0; i < mine.depth(); i++) {
      LockdepHeldLocks.Entry h = mine.get(i);
      if (h.map == map) {
        h.read = true;
        return;
      }
    }
    splat("lock_downgrade of " + map.name() + " which " + Task.current().name() + " does not hold");
  }

  /**
   * {@code lock_is_held_type()}: whether the current task holds {@code map}; with {@code write}
   * only a write acquisition counts.
   */
  public boolean isHeld(LockdepMap map, boolean write) {
    LockdepHeldLocks.Stack mine = held();
    for (int i = 0; i < mine.depth(); i++) {
      LockdepHeldLocks.Entry h = mine.get(i);
      if (h.map == map && (!write || !h.read)) {
        return true;
      }
    }
    return false;
  }

  /** {@code lockdep_assert_held()} / {@code _write()}: a WARN when not held. */
  public void assertHeld(LockdepMap map, boolean write) {
    if (debugLocks() && !isHeld(map, write)) {
      reports.warn(
          "lockdep_assert_held"
              + (write ? "_write" : "")
              + ": "
              + Task.current().name()
              + " does not hold "
              + map.name());
    }
  }
}
