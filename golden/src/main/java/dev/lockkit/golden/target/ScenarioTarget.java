package dev.lockkit.golden.target;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.spi.RunBinding;
import java.util.List;

/**
 * The scenario driver interface: an implementation that scenarios can run against. Implement it
 * once per implementation (lockcore, the pre-split lockcore, a test double) and the same scenarios
 * run against each; differential mode compares two.
 */
public interface ScenarioTarget {

  /** A short name for reports, e.g. {@code lockcore}. Never part of golden text. */
  String name();

  /**
   * Boots a fresh instance for one schedule: configured as {@code variant}, set up as the
   * scenario's {@code setup} lines say (each made by this target's {@link #operations()};
   * lockcore's are the VMAs of the initial address space), with {@code tasks} tasks. Runs on the
   * harness thread, unscheduled.
   *
   * @throws IllegalArgumentException when the variant or the setup is not valid for this target
   */
  Machine boot(Variant variant, List<Op> setup, int tasks, Events events);

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
   * The target's scenario vocabulary: the operations its tasks perform (and the setup lines of its
   * own), how their {@code .scn} lines read and what {@code Op} each becomes for {@link
   * Machine#perform}. {@link Operations#of} declares them by usage lines ({@code "hit PAGE"}); a
   * target with typed arguments implements {@link Operations} (lockcore's memory operations). A
   * scenario is read with its target's vocabulary, so an operation the target does not declare is
   * an unknown operation at its line, and one built in Java is checked against it before it runs.
   * None by default.
   */
  default Operations operations() {
    return Operations.NONE;
  }
}
