package dev.lockkit.golden.cli;

import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.golden.approve.ApprovalStore;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.matrix.KconfigVariants;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.golden.target.ScenarioRunner;
import dev.lockkit.golden.target.ScenarioTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A golden run: every pair of a {@link Plan} (or one shard of it) explored on a target, its golden
 * text checked against the approved files, and the results collected for the tables.
 */
public final class GoldenRun {

  /**
   * The results of a run.
   *
   * @param plan what the run covered
   * @param shard which slice of the plan's pairs ran
   * @param cells one per pair that ran, in plan order
   * @param obsolete approved files that no pair of the whole plan produces (any shard)
   * @param schedules schedules explored in all
   */
  public record Report(
      Plan plan, Shard shard, List<Cell> cells, List<Path> obsolete, long schedules) {
    /** Copies the lists. */
    public Report {
      cells = List.copyOf(cells);
      obsolete = List.copyOf(obsolete);
    }

    /** Whether every cell passed. */
    public boolean ok() {
      return cells.stream().allMatch(c -> c.status().ok());
    }
  }

  private GoldenRun() {}

  /** Runs the pairs of {@code plan} that fall in {@code shard} on {@code target}. */
  public static Report execute(Plan plan, Shard shard, ScenarioTarget target, ApprovalStore store) {
    List<Cell> cells = new ArrayList<>();
    Set<Path> expected = new HashSet<>();
    long schedules = 0;
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      List<Plan.Pair> pairs = plan.pairs();
      for (int k = 0; k < pairs.size(); k++) {
        Plan.Pair p = pairs.get(k);
        expected.add(store.approvedFile(p.scenario().name(), p.variant()));
        if (!shard.includes(k)) {
          continue;
        }
        Exploration e;
        try {
          e = runner.run(p.scenario(), p.variant(), target);
        } catch (RuntimeException ex) {
          cells.add(
              new Cell(
                  p.scenario().name(),
                  p.variant(),
                  Cell.Status.ERROR,
                  target.name() + " cannot run it: " + ex,
                  0,
                  List.of()));
          continue;
        }
        schedules += e.schedules();
        List<String> failures = new ArrayList<>();
        for (Exploration.Outcome o : e.failures()) {
          failures.add(o.failure() + " (replay: " + o.first() + ")");
        }
        String text = ScenarioRunner.goldenText(p.scenario(), p.variant(), e);
        ApprovalStore.Result r = store.check(p.scenario().name(), p.variant(), text);
        Cell.Status status =
            switch (r.status()) {
              case MATCH -> Cell.Status.PASS;
              case UPDATED -> Cell.Status.RECORDED;
              case MISSING -> Cell.Status.MISSING;
              case MISMATCH -> Cell.Status.FAIL;
            };
        cells.add(
            new Cell(
                p.scenario().name(), p.variant(), status, r.detail(), e.schedules(), failures));
      }
    }
    return new Report(plan, shard, cells, store.obsolete(expected), schedules);
  }

  /**
   * Verifies every scenario in {@code scenarios} on every valid variant of {@code kconfig} against
   * the approved files in the sibling {@code approved} directory, with the lockcore target; prints
   * the Markdown table and any failures to {@code out}. Never approves anything (strict on CI).
   *
   * @return 0 when every pair matches its approved file, 1 when some do not, 2 for bad input
   */
  public static int verifyAll(Path scenarios, Path kconfig, PrintWriter out) {
    Policy policy = Policy.fromEnvironment() == Policy.STRICT ? Policy.STRICT : Policy.VERIFY;
    return run(
        scenarios,
        approvedDirFor(scenarios),
        kconfig,
        KconfigVariants.Sample.ALL,
        Shard.ALL,
        policy,
        Targets.get("lockcore"),
        out,
        null,
        null);
  }

  /** The default approved directory: {@code approved} beside the scenario directory. */
  public static Path approvedDirFor(Path scenarios) {
    Path abs = scenarios.toAbsolutePath().normalize();
    return abs.getParent() == null ? abs.resolve("approved") : abs.getParent().resolve("approved");
  }

  /** The run behind the command and {@link #verifyAll}; writes the tables when paths are given. */
  static int run(
      Path scenarios,
      Path approved,
      Path kconfig,
      KconfigVariants.Sample sample,
      Shard shard,
      Policy policy,
      ScenarioTarget target,
      PrintWriter out,
      Path markdownFile,
      Path junitFile) {
    VariantSource source;
    Plan plan;
    try {
      try {
        source = KconfigVariants.load(kconfig, sample);
      } catch (KconfigException e) {
        throw new BadInputException(List.of(e.getMessage()));
      }
      plan = Plan.load(scenarios, source);
    } catch (BadInputException e) {
      for (String m : e.messages()) {
        out.println("error: " + m);
      }
      out.println("nothing was recorded or verified");
      out.flush();
      return 2;
    }
    Report report = execute(plan, shard, target, new ApprovalStore(approved, policy));
    String md = Tables.markdown(report);
    out.print(md);
    out.flush();
    Tables.writeIfRequested(markdownFile, md);
    Tables.writeIfRequested(junitFile, junitFile == null ? "" : Tables.junitXml(report));
    return report.ok() ? 0 : 1;
  }
}
