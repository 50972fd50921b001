package dev.lockkit.golden.lockcore;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Vma;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.List;

/** lockcore behind the scenario driver. */
public final class LockcoreTarget implements ScenarioTarget {

  @Override
  public String name() {
    return "lockcore";
  }

  @Override
  public Machine boot(Variant variant, List<Vma> vmas, int tasks, Events events) {
    // TODO(golden): lockcore's mm facade has not landed; see the report for what remains.
    throw new UnsupportedOperationException("the lockcore adapter is not implemented yet");
  }
}
