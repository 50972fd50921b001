package dev.lockkit.bench.lockcore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time JMH's worker threads used per operation ({@code
 * ·cpu.worker}, ns/op), beside the benchmark's wall-clock score: {@code -prof
 * dev.lockkit.bench.lockcore.WorkerCpuProfiler}.
 *
 * <p>Why: the machines these benchmarks run on are shared and virtual. A nanosecond-scale
 * wall-clock score counts every moment the worker was descheduled (another process's build, the
 * host taking the vCPU), which on a loaded machine doubles the score of a 15 ns operation while its
 * code is unchanged. The worker's own CPU time does not count those moments, so two jars compared
 * at different loads can still be compared. It does count the worker's share of JMH's loop (the
 * {@code isDone} read, the operation counter) as the score does.
 */
public final class WorkerCpuProfiler implements InternalProfiler {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> before = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time of the JMH worker threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before.clear();
    for (long id : MX.getAllThreadIds()) {
      before.put(id, MX.getThreadCpuTime(id));
    }
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = 0;
    for (ThreadInfo info : MX.getThreadInfo(MX.getAllThreadIds())) {
      // JMH names its workers "<benchmark>-jmh-worker-<n>"; a worker started during the iteration
      // (the first one) counts from zero.
      if (info == null || !info.getThreadName().contains("jmh-worker")) {
        continue;
      }
      long now = MX.getThreadCpuTime(info.getThreadId());
      if (now >= 0) {
        cpu += now - before.getOrDefault(info.getThreadId(), 0L);
      }
    }
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("·cpu.worker", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
  }
}
