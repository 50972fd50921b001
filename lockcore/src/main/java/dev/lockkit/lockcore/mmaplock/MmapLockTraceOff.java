package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.types.MmStruct;

/** The {@code !CONFIG_TRACING} stubs: nothing is traced. */
@IfConfig("!TRACING")
public final class MmapLockTraceOff implements MmapLockTrace {
  @Override
  public void startLocking(MmStruct mm, boolean write) {}

  @Override
  public void acquireReturned(MmStruct mm, boolean write, boolean success) {}

  @Override
  public void released(MmStruct mm, boolean write) {}
}
