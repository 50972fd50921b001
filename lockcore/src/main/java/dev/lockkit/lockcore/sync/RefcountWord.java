package dev.lockkit.lockcore.sync;

/**
 * The counter word of a {@link Refcount}, between {@link LinePad}'s leading padding and {@link
 * Refcount}'s trailing padding, as the kernel puts {@code vm_refcnt} on a cache line of its own.
 */
abstract class RefcountWord extends LinePad {
  // In the object rather than in a SharedInt of its own: vm_refcnt is the one word the per-VMA
  // read path writes, and its CAS waited on one more dependent load (the cell) after the walk.
  // Every operation is still a cell operation: the same hook, op name and access mode as the
  // SharedInt method it replaces, so a controlled platform sees the same points.
  @SuppressWarnings("unused") // accessed through Refcount.REFS only
  int refs;
}
