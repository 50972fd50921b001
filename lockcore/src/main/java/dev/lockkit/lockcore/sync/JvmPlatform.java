package dev.lockkit.lockcore.sync;

import java.util.concurrent.locks.LockSupport;

/** The real JVM: no scheduling points, {@code LockSupport} for blocking. The default platform. */
public final class JvmPlatform implements Platform {

  /** The single instance; the platform has no state. */
  public static final JvmPlatform INSTANCE = new JvmPlatform();

  private JvmPlatform() {}

  @Override
  public void beforeSharedAccess(Object location, String op) {
    // Real hardware interleaves on its own; nothing to do.
  }

  @Override
  public void park(Object blocker) {
    LockSupport.park(blocker);
  }

  @Override
  public void unpark(Thread thread) {
    LockSupport.unpark(thread);
  }

  @Override
  public void spinWait(Object location) {
    // Yield rather than only pause: JVM threads may outnumber cores, and a spinner that keeps its
    // core while the holder of the awaited word is preempted only delays that holder.
    Thread.yield();
  }
}
