package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.function.Supplier;

/**
 * {@code dup_mmap()} of {@code kernel/fork.c}: copies an address space under both mmap write locks
 * (the child's with {@code SINGLE_DEPTH_NESTING} for lockdep).
 *
 * <p>Every parent VMA is write-locked before it is copied. Without that, a concurrent fault under
 * the parent's per-VMA lock could install a page after the page tables were copied, leaving parent
 * and child sharing a page that should have been copy-on-write (the 6.4 fork bug fixed by
 * write-locking in {@code dup_mmap}). The {@code vma_start_write} call is one statement so a later
 * switch can remove it.
 */
final class Fork {
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;
  private final VmaCache cache;
  private final Supplier<MmStruct> mmAlloc;

  Fork(MmapLock mmapLock, VmaLock vmaLock, VmaCache cache, Supplier<MmStruct> mmAlloc) {
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
    this.cache = cache;
    this.mmAlloc = mmAlloc;
  }

  /** {@code dup_mm()} / {@code dup_mmap(mm, oldmm)}. */
  ForkResult dupMmap(MmStruct oldmm) {
    int r = mmapLock.mmapWriteLockKillable(oldmm);
    if (r != 0) {
      return new ForkResult(r, null);
    }
    MmStruct mm = mmAlloc.get();
    mmapLock.mmapWriteLockNested(mm, MmapLock.SINGLE_DEPTH_NESTING);
    for (VmAreaStruct mpnt : oldmm.mmMt().all()) {
      vmaLock.vmaStartWrite(mpnt);
      VmAreaStruct tmp = cache.vmAreaDup(mpnt, mm);
      if (mpnt.anonVma() != null) {
        tmp.prepareAnonVma(new Object()); // anon_vma_fork(): the child gets its own
      }
      vmaLock.vmaStartWrite(tmp);
      vmaLock.vmaMarkAttached(tmp);
      mm.mmMt().insert(tmp);
      mm.mapCount().getAndAdd(1);
      // copy_page_range(): shared and file pages refault in the child; anonymous ones are copied.
      if ((mpnt.vmFlags() & VmFlags.VM_SHARED) == 0 && mpnt.vmFile() == null) {
        mm.pageTables().copyFrom(oldmm.pageTables(), mpnt.vmStart(), mpnt.vmEnd());
      }
    }
    mmapLock.mmapWriteUnlock(mm);
    mmapLock.mmapWriteUnlock(oldmm);
    return new ForkResult(0, mm);
  }
}
