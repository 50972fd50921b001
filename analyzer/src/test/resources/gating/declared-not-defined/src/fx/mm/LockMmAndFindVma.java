package fx.mm;

import fx.config.VariantPoint;

/** The prototype of lock_mm_and_find_vma(), as in the header. */
@VariantPoint
public interface LockMmAndFindVma {
  int lock(long address);
}
