package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.trace.MmapLockTracepoints;
import dev.lockkit.lockcore.types.MmStruct;

/**
 * The CONFIG_TRACING hooks: emit only when the tracepoint is enabled ({@code tracepoint_enabled}).
 */
@IfConfig("TRACING")
public final class MmapLockTraceOn implements MmapLockTrace {
  private final MmapLockTracepoints tp;

  /** Hooks emitting through {@code tp}. */
  public MmapLockTraceOn(MmapLockTracepoints tp) {
    this.tp = tp;
  }

  @Override
  public void startLocking(MmStruct mm, boolean write) {
    if (tp.enabled()) {
      tp.startLocking(mm, write);
    }
  }

  @Override
  public void acquireReturned(MmStruct mm, boolean write, boolean success) {
    if (tp.enabled()) {
      tp.acquireReturned(mm, write, success);
    }
  }

  @Override
  public void released(MmStruct mm, boolean write) {
    if (tp.enabled()) {
      tp.released(mm, write);
    }
  }
}
