package dev.lockkit.golden.cli;

import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.golden.diff.Differential;
import dev.lockkit.golden.matrix.KconfigVariants;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.ScenarioTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lockkit golden diff --left A --right B}: differential mode over a scenario directory. For
 * every (scenario, variant) pair of the plan (or shard), each outcome's first schedule is replayed
 * on both targets and the first differing event is printed. Exit codes: 0 no difference, 1
 * differences, 2 bad input or usage.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Replay every outcome's schedule on two implementations and print the first differing"
            + " event per scenario and variant.")
final class DiffCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--left",
      paramLabel = "NAME",
      description = "Reference target, named as --right is (default: lockcore).")
  String left = "lockcore";

  @Option(
      names = "--right",
      paramLabel = "NAME",
      required = true,
      description =
          "Target compared with it: a ScenarioTarget service's name, or a ScenarioTarget's fully"
              + " qualified class name, on the class path.")
  String right;

  @Option(names = "--scenarios", paramLabel = "DIR", description = "Scenario directory.")
  Path scenarios;

  @Option(names = "--kconfig", paramLabel = "FILE", description = "Kconfig of the matrix.")
  Path kconfig;

  @Option(names = "--sample", paramLabel = "all|pairwise", description = "Matrix sample.")
  String sample = "all";

  @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n.")
  String shard = "1/1";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path root = GoldenCommand.checkoutRoot();
      Path scn = scenarios != null ? scenarios : root.resolve("fixtures/scenarios");
      Path kc = kconfig != null ? kconfig : root.resolve("lockcore/Kconfig");
      ScenarioTarget l = Targets.get(left);
      ScenarioTarget r = Targets.get(right);
      Plan plan;
      try {
        VariantSource source =
            KconfigVariants.load(
                kc,
                sample.equals("pairwise")
                    ? KconfigVariants.Sample.PAIRWISE
                    : KconfigVariants.Sample.ALL);
        // Read with the left (reference) target's vocabulary; the right one is checked against it
        // before each pair runs (ScenarioRunner), so a target that cannot perform an operation is
        // an error naming it, never a silent difference.
        plan = Plan.load(scn, source, l.operations());
      } catch (KconfigException e) {
        throw new BadInputException(List.of(e.getMessage()));
      }
      Shard sh = Shard.parse(shard);
      int pairs = 0;
      List<Differential.Difference> diffs = new ArrayList<>();
      for (int k = 0; k < plan.pairs().size(); k++) {
        if (!sh.includes(k)) {
          continue;
        }
        Plan.Pair p = plan.pairs().get(k);
        pairs++;
        List<Scenario> one = List.of(p.scenario());
        List<Variant> v = List.of(p.variant());
        diffs.addAll(Differential.compare(one, v, l, r));
      }
      for (Differential.Difference d : diffs) {
        out.println(d.describe(l.name(), r.name()));
      }
      out.println(
          pairs
              + " scenario × variant pairs compared, "
              + diffs.size()
              + (diffs.size() == 1 ? " differs" : " differ")
              + " ("
              + l.name()
              + " vs "
              + r.name()
              + ")");
      out.flush();
      return diffs.isEmpty() ? 0 : 1;
    } catch (BadInputException e) {
      for (String m : e.messages()) {
        err.println("error: " + m);
      }
      err.flush();
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
