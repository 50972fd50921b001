package dev.lockkit.golden.target;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Vma;
import dev.lockkit.golden.spi.RunBinding;
import java.util.List;
import java.util.Set;

/**
 * The scenario driver interface: an implementation that scenarios can run against. Implement it
 * once per implementation (lockcore, the pre-split lockcore, a test double) and the same scenarios
 * run against each; differential mode compares two.
 */
public interface ScenarioTarget {

  /** A short name for reports, e.g. {@code lockcore}. Never part of golden text. */
  String name();

  /**
   * Boots a fresh instance for one schedule: the kernel configured as {@code variant}, an address
   * space holding {@code vmas}, and {@code tasks} tasks. Runs on the harness thread, unscheduled.
   *
   * @throws IllegalArgumentException when the variant or the setup is not valid for this target
   */
  Machine boot(Variant variant, List<Vma> vmas, int tasks, Events events);

  /**
   * How the target's code reaches the run's scheduler: {@link RunBinding#NONE} (the default) when
   * it calls golden's SPI through {@code Scheduling.current()}, else an adapter to its own SPI (the
   * lockcore adapter binds lockcore's {@code sync.Platform}). Applied on the harness thread around
   * {@link #boot} and the snapshot and on each task thread around its operations.
   */
  default RunBinding binding() {
    return RunBinding.NONE;
  }

  /**
   * The names of the target's own operations, written {@code call NAME [ARG...]} in a scenario and
   * handed to {@link Machine#perform} as {@code Op.Call}. A scenario calling a name not listed here
   * is refused before it runs.
   */
  default Set<String> operations() {
    return Set.of();
  }

  /**
   * The built-in memory operations this target performs ({@code fault}, {@code mmap}...; see {@link
   * dev.lockkit.golden.scenario.Op#memoryOperations()}), handed to {@link Machine#perform} as the
   * matching {@code Op}. None by default: they are the vocabulary of address-space targets
   * (lockcore's declares them all), and a scenario using one its target does not declare is refused
   * before it runs, like an undeclared {@code call}.
   */
  default Set<String> memoryOperations() {
    return Set.of();
  }
}
