package fx.mm;

/** The fault path uses lock_mm_and_find_vma() in every configuration. */
public final class Fault {
  static int handle(LockMmAndFindVma lock, long address) {
    return lock.lock(address);
  }
}
