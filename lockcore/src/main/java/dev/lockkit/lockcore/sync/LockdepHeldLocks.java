package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.IfConfig;
import java.util.Arrays;

/**
 * One task's stack of held locks for one {@link Lockdep} ({@link Stack}, made of {@link Entry}s):
 * the kernel's {@code task_struct.held_locks[MAX_LOCK_DEPTH]} and {@code lockdep_depth}.
 *
 * <p>Why this shape: lockdep writes the stack on every acquisition and release, on the fault path
 * too (the VMA read lock's {@code lock_acquire}/{@code lock_release}). The kernel keeps it inside
 * {@code task_struct}, on the task's own lines. The {@code ArrayList<Held>} this replaces wrote its
 * size, its modCount and a slot of its element array and allocated two objects per acquisition; the
 * list of the task that set an address space up is made by its first {@code mmap()}, among that
 * mm's objects, and a collection may copy it anywhere: measured, it lay 0 bytes before the {@code
 * mm_struct} every fault reads (bench/README.md, "issue 20: debug-variant scaling"), so two tasks
 * faulting on disjoint VMAs wrote lines the other one read (the debug variant's 0.98×). Here every
 * word written per acquisition lies between {@link LinePad}s: the depth in this object, an entry's
 * fields in that entry, which is made once and reused. The entry array itself is only written when
 * the stack grows.
 */
@IfConfig("DEBUG_LOCK_ALLOC")
final class LockdepHeldLocks {
  private LockdepHeldLocks() {}

  /** The written word of the stack, {@code lockdep_depth}, between the two paddings. */
  abstract static class DepthWord extends LinePad {
    int depth;
    // Entries [0, depth) are held; the rest are kept for reuse. Written only when the stack grows.
    Entry[] entries = new Entry[4];
  }

  /** The fields of one {@code struct held_lock}, between the two paddings. */
  abstract static class EntryWords extends LinePad {
    LockdepMap map;
    LockClassKey key;
    int subclass;
    boolean read;
  }

  /** One {@code struct held_lock}, reused for every lock held at its depth. */
  static final class Entry extends EntryWords {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    @SuppressWarnings("unused")
    private long q08, q09, q10, q11, q12, q13, q14, q15;

    /** Whether this entry's class is {@code key} in {@code subclass}. */
    boolean isClass(LockClassKey key, int subclass) {
      return this.key == key && this.subclass == subclass;
    }
  }

  /** The stack: a task's held locks for one lockdep. */
  static final class Stack extends DepthWord {
    @SuppressWarnings("unused")
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    @SuppressWarnings("unused")
    private long q08, q09, q10, q11, q12, q13, q14, q15;

    /** The number of held locks. */
    int depth() {
      return depth;
    }

    /** The held lock at {@code i}, 0 the oldest; valid until the next push or remove. */
    Entry get(int i) {
      return entries[i];
    }

    /** Pushes an acquisition of {@code map} as {@code key}/{@code subclass}. */
    void push(LockdepMap map, LockClassKey key, int subclass, boolean read) {
      int d = depth;
      if (d == entries.length) {
        entries = Arrays.copyOf(entries, d * 2);
      }
      Entry e = entries[d];
      if (e == null) {
        e = new Entry();
        entries[d] = e;
      }
      e.map = map;
      e.key = key;
      e.subclass = subclass;
      e.read = read;
      depth = d + 1;
    }

    /** Removes the entry at {@code i}; the ones above it move down by one, keeping their order. */
    void remove(int i) {
      int d = depth - 1;
      for (int j = i; j < d; j++) {
        Entry to = entries[j];
        Entry from = entries[j + 1];
        to.map = from.map;
        to.key = from.key;
        to.subclass = from.subclass;
        to.read = from.read;
      }
      // Drop the reference so a freed lock's map is not kept alive by a stale entry.
      entries[d].map = null;
      depth = d;
    }
  }
}
