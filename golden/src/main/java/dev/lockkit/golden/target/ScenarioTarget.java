package dev.lockkit.golden.target;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Vma;
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
   * The names of the target's own operations, written {@code call NAME [ARG...]} in a scenario and
   * handed to {@link Machine#perform} as {@code Op.Call}. A scenario calling a name not listed here
   * is refused before it runs.
   */
  default Set<String> operations() {
    return Set.of();
  }
}
