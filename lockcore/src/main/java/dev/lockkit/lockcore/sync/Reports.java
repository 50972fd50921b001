package dev.lockkit.lockcore.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The WARN / BUG / lockdep / poison reporting facility of one booted kernel. Every report is kept
 * in order and handed to each registered {@link ReportSink}; BUG and poison reports then throw.
 *
 * <p>The log and sinks are observer state, not kernel state: they use java.util.concurrent
 * collections directly rather than {@code sync} cells, so reporting adds no scheduling points of
 * its own (the kernel's printk is not part of the locking protocol either).
 */
public final class Reports {
  private final ConcurrentLinkedQueue<Report> log = new ConcurrentLinkedQueue<>();
  private final List<ReportSink> sinks = new CopyOnWriteArrayList<>();
  private final Set<String> onceSites = ConcurrentHashMap.newKeySet();

  /** Adds a sink that sees every later report. */
  public void addSink(ReportSink sink) {
    sinks.add(sink);
  }

  /** Removes a sink added with {@link #addSink}. */
  public void removeSink(ReportSink sink) {
    sinks.remove(sink);
  }

  /** Every report so far, oldest first. */
  public List<Report> all() {
    return new ArrayList<>(log);
  }

  /** Forgets recorded reports and WARN_ON_ONCE sites (sinks stay). */
  public void clear() {
    log.clear();
    onceSites.clear();
  }

  private Report record(ReportKind kind, String message) {
    Report r = new Report(kind, Task.current().name(), message);
    log.add(r);
    for (ReportSink s : sinks) {
      s.report(r);
    }
    return r;
  }

  /** {@code WARN()}: records and returns. */
  public void warn(String message) {
    record(ReportKind.WARN, message);
  }

  /**
   * {@code WARN_ON_ONCE()}: records only the first report from {@code site} in this kernel.
   *
   * @param site a stable call-site name, e.g. {@code "vma_mark_detached"}
   */
  public void warnOnce(String site, String message) {
    if (onceSites.add(site)) {
      record(ReportKind.WARN, message);
    }
  }

  /**
   * {@code BUG_ON()} / {@code VM_BUG_ON*()}: records, then throws. Declared to return the exception
   * so callers can write {@code throw reports.bug(...)} where the compiler needs it.
   */
  public KernelBug bug(String message) {
    record(ReportKind.BUG, message);
    throw new KernelBug(message);
  }

  /** A lockdep splat; the caller carries on, as the kernel does. */
  public void lockdep(String message) {
    record(ReportKind.LOCKDEP, message);
  }

  /** A kernel-mode fault without fixup; the fault handler turns it into an outcome. */
  public void oops(String message) {
    record(ReportKind.OOPS, message);
  }

  /** Access to a poisoned object: records, then throws {@link PoisonFault}. */
  public PoisonFault poisoned(String message) {
    record(ReportKind.POISON, message);
    throw new PoisonFault(message);
  }
}
