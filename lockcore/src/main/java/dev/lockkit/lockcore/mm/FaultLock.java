package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.VariantPoint;

/**
 * {@code release_fault_lock()} and {@code assert_fault_locked()}. They stay in {@code mm.h} (here:
 * package {@code mm}) rather than moving to {@code mmap_lock.h} with the rest of the locking code,
 * because they take a {@code struct vm_fault}, which is declared in {@code mm.h}: moving them would
 * make the lock header depend on the mm header and close an include loop. lockcore keeps the same
 * placement so that {@code vmalock} does not depend on {@code mm}.
 */
@VariantPoint
public interface FaultLock {
  /** {@code release_fault_lock(vmf)}: drops whichever lock the fault holds. */
  void releaseFaultLock(VmFault vmf);

  /** {@code assert_fault_locked(vmf)}. */
  void assertFaultLocked(VmFault vmf);
}
