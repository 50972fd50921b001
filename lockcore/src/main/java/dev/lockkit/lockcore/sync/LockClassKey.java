package dev.lockkit.lockcore.sync;

/**
 * {@code struct lock_class_key}: the identity of a lock class. The kernel uses one static key per
 * lock initialisation site (all {@code mmap_lock}s share one, all {@code vm_lock}s another); so do
 * lockcore's callers. Exists in every configuration, as in the kernel, where it is empty without
 * lockdep.
 */
public final class LockClassKey {
  private final String name;

  /** A key whose class is reported as {@code name}. */
  public LockClassKey(String name) {
    this.name = name;
  }

  /** The class name used in lockdep reports, e.g. {@code "&mm->mmap_lock"}. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
