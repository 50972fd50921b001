package dev.lockkit.golden.target;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Program;
import dev.lockkit.golden.grade.Grading;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioParser;
import dev.lockkit.golden.sched.ControlledPlatform;
import dev.lockkit.golden.sched.Failure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs scenarios against targets on an {@link Explorer} and renders their golden text. */
public final class ScenarioRunner {

  private final Explorer explorer;

  /** A runner on {@code explorer} (which it does not close). */
  public ScenarioRunner(Explorer explorer) {
    this.explorer = explorer;
  }

  /** The state of one schedule: the machine and each task's operation results. */
  private record Run(Machine machine, List<List<String>> results) {}

  /** Explores {@code scenario} on {@code variant} of {@code target} with the scenario's mode. */
  public Exploration run(Scenario scenario, Variant variant, ScenarioTarget target) {
    return explorer.explore(program(scenario, variant, target), scenario.mode());
  }

  /** The program that runs {@code scenario} on {@code target} booted as {@code variant}. */
  public Program<?> program(Scenario scenario, Variant variant, ScenarioTarget target) {
    checkCalls(scenario, target);
    ControlledPlatform platform = explorer.platform();
    Events events =
        new Events() {
          @Override
          public void event(String text) {
            platform.event(text);
          }

          @Override
          public void failure(Failure.Kind kind, String message) {
            platform.report(kind, message);
          }
        };
    int n = scenario.tasks().size();
    Program.Builder<Run> b =
        Program.builder(
            () -> {
              List<List<String>> results = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                results.add(new ArrayList<>());
              }
              return new Run(target.boot(variant, scenario.setup(), n, events), results);
            });
    b.binding(target.binding());
    for (int i = 0; i < n; i++) {
      int task = i;
      List<Op> ops = scenario.tasks().get(i);
      b.task(
          run -> {
            run.machine().enterTask(task);
            for (Op op : ops) {
              String result = run.machine().perform(task, op);
              String line = op.toText() + " = " + result;
              run.results().get(task).add(line);
              platform.event(line);
            }
          });
    }
    return b.outcome(
            run -> {
              StringBuilder sb = new StringBuilder();
              for (int i = 0; i < n; i++) {
                for (String r : run.results().get(i)) {
                  sb.append('T').append(i).append(": ").append(r).append('\n');
                }
              }
              String snap = run.machine().snapshot();
              if (!snap.isEmpty()) {
                sb.append(snap);
                if (!snap.endsWith("\n")) {
                  sb.append('\n');
                }
              }
              return sb.toString();
            })
        .build();
  }

  /**
   * The golden text of one scenario on one variant: a header naming both, then the exploration's
   * golden text. The target's name is deliberately absent, so two implementations that behave alike
   * produce byte-identical text.
   */
  public static String goldenText(Scenario scenario, Variant variant, Exploration exploration) {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario: ").append(scenario.name()).append('\n');
    sb.append("variant: ").append(variant.id()).append('\n');
    String body = exploration.goldenText();
    Grading grading = Grading.of(scenario, exploration);
    if (grading == null) {
      return sb.append(body).toString();
    }
    // The grades go after the coverage header, before the outcomes they refer to by number.
    int header = body.indexOf("\n\n") + 1;
    if (header == 0) {
      header = body.length();
    }
    sb.append(body, 0, header).append(grading.text()).append(body.substring(header));
    return sb.toString();
  }

  /**
   * Refuses a scenario that does not fit the target's vocabulary before anything runs: a setup line
   * or operation that {@link ScenarioTarget#operations()} does not read back to the same op (one
   * built in Java, or read with another target's vocabulary, as differential mode does), or one it
   * refuses.
   */
  static void checkCalls(Scenario scenario, ScenarioTarget target) {
    Operations ops = target.operations();
    ScenarioParser.Misfit m = ScenarioParser.misfit(scenario, ops);
    if (m == null) {
      return;
    }
    String head = "scenario " + scenario.name() + ": ";
    if (m.op() == null) {
      throw new IllegalArgumentException(head + m.why());
    }
    if (m.why() != null) {
      throw new IllegalArgumentException(
          head + "'" + m.op().toText() + "' (target " + target.name() + "): " + m.why());
    }
    Set<String> known = new LinkedHashSet<>(ops.setupNames());
    known.addAll(ops.names());
    throw new IllegalArgumentException(
        head
            + "'"
            + m.op().toText()
            + "' is not an operation of target "
            + target.name()
            + " (it declares "
            + (known.isEmpty() ? "none" : String.join(", ", known))
            + ")");
  }
}
