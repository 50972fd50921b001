package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.sync.SpinLock;
import java.util.HashSet;
import java.util.Set;

/**
 * The page cache of one kernel, reduced to the set of (file, page offset) pairs whose data has been
 * read in. A fault on a page that is not cached needs IO, which is where the fault path drops its
 * lock and returns {@code VM_FAULT_RETRY}. Guarded by a spin lock (the kernel's xarray lock).
 */
public final class PageCache {
  private final SpinLock lock = new SpinLock();
  // guarded by lock
  private final Set<String> cached = new HashSet<>();

  private static String key(String file, long pgoff) {
    return file + "@" + pgoff;
  }

  /** Whether page {@code pgoff} of {@code file} is cached. */
  public boolean contains(String file, long pgoff) {
    lock.lock();
    try {
      return cached.contains(key(file, pgoff));
    } finally {
      lock.unlock();
    }
  }

  /** Reads page {@code pgoff} of {@code file} in (the IO completes at once). */
  public void readIn(String file, long pgoff) {
    lock.lock();
    try {
      cached.add(key(file, pgoff));
    } finally {
      lock.unlock();
    }
  }
}
