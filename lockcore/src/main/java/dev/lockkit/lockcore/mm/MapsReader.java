package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/pid/maps} of {@code fs/proc/task_mmu.c} as of v6.16: the whole walk runs under
 * {@code mmap_read_lock_killable()} (reading maps under per-VMA locks came later).
 */
final class MapsReader {
  private final MmapLock mmapLock;

  MapsReader(MmapLock mmapLock) {
    this.mmapLock = mmapLock;
  }

  /** {@code show_map()} for every VMA. */
  MapsResult readMaps(MmStruct mm) {
    int r = mmapLock.mmapReadLockKillable(mm);
    if (r != 0) {
      return new MapsResult(r, List.of());
    }
    List<String> lines = new ArrayList<>();
    for (VmAreaStruct v : mm.mmMt().all()) {
      long flags = v.vmFlags();
      String name;
      if (v.vmFile() != null) {
        name = " " + v.vmFile();
      } else if ((flags & (VmFlags.VM_GROWSDOWN | VmFlags.VM_GROWSUP_BIT)) != 0) {
        name = " [stack]";
      } else {
        name = "";
      }
      long offset = v.vmFile() != null ? v.vmPgoff() << VmFlags.PAGE_SHIFT : 0;
      lines.add(
          String.format(
              "%08x-%08x %s %08x 00:00 0%s",
              v.vmStart(), v.vmEnd(), VmFlags.mapsPerms(flags), offset, name));
    }
    mmapLock.mmapReadUnlock(mm);
    return new MapsResult(0, List.copyOf(lines));
  }
}
