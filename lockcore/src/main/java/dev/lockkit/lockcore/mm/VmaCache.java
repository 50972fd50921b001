package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.sync.SharedInt;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.sync.TypesafePool;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.vmalock.VmaLock;

/**
 * {@code vm_area_cachep} with {@code vm_area_alloc()}, {@code vm_area_dup()} and {@code
 * vm_area_free()}. Since v6.15 the cache is {@code SLAB_TYPESAFE_BY_RCU}: a freed VMA is reusable
 * at once, and lockless readers rely on {@code vm_refcnt} and the {@code vm_mm} check instead of a
 * grace period.
 */
final class VmaCache {
  private final VmaLock vmaLock;
  private final TypesafePool<VmAreaStruct> pool;
  private final SharedInt serials = new SharedInt(0);

  VmaCache(SyncContext ctx, VmaLock vmaLock) {
    this.vmaLock = vmaLock;
    this.pool =
        new TypesafePool<>(
            "vm_area_struct", () -> new VmAreaStruct(ctx, serials.addAndGet(1)), ctx.reports());
  }

  /** {@code vm_area_alloc(mm)}: a detached VMA of {@code mm}; its refcount is left as it is. */
  VmAreaStruct vmAreaAlloc(MmStruct mm) {
    VmAreaStruct vma = pool.alloc();
    vma.init(mm);
    vmaLock.vmaLockInit(vma, false);
    return vma;
  }

  /** {@code vm_area_dup(orig)}, owned by {@code mm} (the same mm, or fork's child). */
  VmAreaStruct vmAreaDup(VmAreaStruct orig, MmStruct mm) {
    VmAreaStruct vma = pool.alloc();
    vma.init(mm);
    vma.copyFrom(orig);
    vmaLock.vmaLockInit(vma, true);
    return vma;
  }

  /** {@code vm_area_free(vma)}: the VMA must be detached. */
  void vmAreaFree(VmAreaStruct vma) {
    vmaLock.vmaAssertDetached(vma);
    pool.free(vma);
  }
}
