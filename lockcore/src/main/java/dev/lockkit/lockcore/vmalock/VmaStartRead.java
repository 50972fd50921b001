package dev.lockkit.lockcore.vmalock;

import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * What {@code vma_start_read()} returns: the VMA (read-locked), NULL (could not lock; fall back to
 * the mmap_lock), or {@code ERR_PTR(-EAGAIN)} (the VMA was detached under the reader; look again).
 *
 * @param vma the read-locked VMA, or null
 * @param error 0, or {@code -EAGAIN}
 */
public record VmaStartRead(VmAreaStruct vma, int error) {
  private static final VmaStartRead FAILED = new VmaStartRead(null, 0);
  private static final VmaStartRead AGAIN = new VmaStartRead(null, -Errno.EAGAIN);

  /** NULL. */
  public static VmaStartRead failed() {
    return FAILED;
  }

  /** {@code ERR_PTR(-EAGAIN)}. */
  public static VmaStartRead detached() {
    return AGAIN;
  }

  /** The locked VMA. */
  public static VmaStartRead locked(VmAreaStruct vma) {
    return new VmaStartRead(vma, 0);
  }

  /** Whether the VMA is read-locked. */
  public boolean ok() {
    return vma != null;
  }
}
