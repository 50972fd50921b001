package dev.lockkit.lockcore.sync;

/**
 * The lock word of a {@link SpinLock}, between {@link LinePad}'s leading padding and {@link
 * SpinLock}'s trailing padding. The page-table locks of neighbouring 2 MB regions are made one
 * after another, so without it the lock words of faults on two different VMAs sat on one cache
 * line; in the kernel each split PTL lives in its own page table's {@code struct ptdesc}.
 */
abstract class SpinLockWord extends LinePad {
  @SuppressWarnings("unused") // accessed through SpinLock.LOCKED only
  int locked;
}
