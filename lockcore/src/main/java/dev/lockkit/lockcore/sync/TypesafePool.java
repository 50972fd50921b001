package dev.lockkit.lockcore.sync;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A {@code SLAB_TYPESAFE_BY_RCU} cache: a freed object goes straight back to the free list and may
 * be handed out at once to a new owner, while lockless readers that found it earlier may still look
 * at it. Such readers must re-validate identity after taking a reference (the {@code vm_mm} check
 * in {@code vma_start_read()}), which is what this pool makes observable. The constructor runs once
 * per object, like a slab constructor, not on every allocation.
 *
 * @param <T> the object type
 */
public final class TypesafePool<T> {
  private final String name;
  private final Supplier<T> ctor;
  private final Reports reports;
  private final SpinLock lock = new SpinLock();
  // guarded by lock; LIFO like a slab's per-cpu freelist, so reuse is immediate and deterministic
  private final ArrayDeque<T> free = new ArrayDeque<>();

  /**
   * A cache named {@code name} whose new objects come from {@code ctor}.
   *
   * @param reports receives double-free bugs
   */
  public TypesafePool(String name, Supplier<T> ctor, Reports reports) {
    this.name = name;
    this.ctor = ctor;
    this.reports = reports;
  }

  /** {@code kmem_cache_alloc()}: the most recently freed object, or a new one. */
  public T alloc() {
    lock.lock();
    T t;
    try {
      t = free.pollFirst();
    } finally {
      lock.unlock();
    }
    return t != null ? t : ctor.get();
  }

  /**
   * {@code kmem_cache_free()}: back on the free list immediately, no grace period.
   *
   * @throws KernelBug on a double free, leaving the free list unchanged
   */
  public void free(T t) {
    boolean doubleFree = false;
    lock.lock();
    try {
      for (T f : free) {
        if (f == t) {
          doubleFree = true;
          break;
        }
      }
      if (!doubleFree) {
        free.addFirst(t);
      }
    } finally {
      lock.unlock();
    }
    if (doubleFree) {
      throw reports.bug("kmem_cache_free: double free in cache " + name);
    }
  }
}
