package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;

/**
 * The tracing state of one booted kernel: the sink, and (per configuration) the mmap_lock
 * tracepoints and the VMA lock event counters.
 *
 * <p>The sink is observer state: it is read with a plain volatile field rather than a {@code sync}
 * cell so that tracing adds no scheduling points (tracepoints are not part of the kernel's locking
 * protocol). Install it before tasks start.
 */
public final class Tracer {
  private volatile TraceSink sink;

  // Written once in the constructor, before the tracer is shared.
  @IfConfig("TRACING")
  private MmapLockTracepoints tracepoints;

  @IfConfig("PER_VMA_LOCK_STATS")
  private VmEventCounters vmEvents;

  /** The tracer of a kernel booted with {@code config}; no sink yet. */
  public Tracer(Config config) {
    if (config.isEnabled(Option.TRACING)) {
      this.tracepoints = new MmapLockTracepoints(this);
    }
    if (config.isEnabled(Option.PER_VMA_LOCK_STATS)) {
      this.vmEvents = new VmEventCounters(this);
    }
  }

  /** Installs {@code sink} (null removes it). */
  public void setSink(TraceSink sink) {
    this.sink = sink;
  }

  /** {@code tracepoint_enabled()}: whether anybody listens. */
  public boolean enabled() {
    return sink != null;
  }

  /** Delivers {@code event} to the sink, if any. */
  public void emit(TraceEvent event) {
    TraceSink s = sink;
    if (s != null) {
      s.accept(event);
    }
  }

  /** The mmap_lock tracepoints ({@code CONFIG_TRACING}). */
  @IfConfig("TRACING")
  public MmapLockTracepoints tracepoints() {
    return tracepoints;
  }

  /** The VMA lock event counters ({@code CONFIG_PER_VMA_LOCK_STATS}). */
  @IfConfig("PER_VMA_LOCK_STATS")
  public VmEventCounters vmEvents() {
    return vmEvents;
  }
}
