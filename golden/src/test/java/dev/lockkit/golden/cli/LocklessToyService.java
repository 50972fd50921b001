package dev.lockkit.golden.cli;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import dev.lockkit.golden.target.ToyTarget;
import java.util.List;

/**
 * The lockless toy target offered as a {@code ScenarioTarget} service (see
 * src/test/resources/META-INF/services), as a module like fixtures offers lockcore-before.
 */
public final class LocklessToyService implements ScenarioTarget {

  private final ToyTarget toy = new ToyTarget(true);

  @Override
  public String name() {
    return "toy-lockless-service";
  }

  @Override
  public Operations operations() {
    return toy.operations();
  }

  @Override
  public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
    return toy.boot(variant, setup, tasks, events);
  }
}
