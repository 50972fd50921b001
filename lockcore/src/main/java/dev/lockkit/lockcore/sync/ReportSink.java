package dev.lockkit.lockcore.sync;

/** Receives every {@link Report} of a booted kernel as it is raised, on the raising task. */
@FunctionalInterface
public interface ReportSink {
  /** Called once per report, before a {@link KernelBug} or {@link PoisonFault} is thrown. */
  void report(Report report);
}
