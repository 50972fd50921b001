package dev.lockkit.golden.cli;

import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.golden.approve.ApprovalStore;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.grade.Grading;
import dev.lockkit.golden.matrix.KconfigVariants;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.golden.target.ScenarioRunner;
import dev.lockkit.golden.target.ScenarioTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
   * @param obsolete approved files that this run knows are obsolete (see {@link ApprovedFiles})
   * @param schedules schedules explored in all
   * @param strict whether this was a strict (CI) run, where obsolete and stray files fail it
   * @param obsoleteReasons one line per obsolete file: its name and why it is obsolete
   * @param notRunHere scenario golden files this run's matrix or shard did not cover
   * @param strayReceived {@code .received.txt} files that were there before the run started
   */
  public record Report(
      Plan plan,
      Shard shard,
      List<Cell> cells,
      List<Path> obsolete,
      long schedules,
      boolean strict,
      List<String> obsoleteReasons,
      List<Path> notRunHere,
      List<Path> strayReceived) {
    /** Copies the lists. */
    public Report {
      cells = List.copyOf(cells);
      obsolete = List.copyOf(obsolete);
      obsoleteReasons = List.copyOf(obsoleteReasons);
      notRunHere = List.copyOf(notRunHere);
      strayReceived = List.copyOf(strayReceived);
    }

    /** A non-strict report (the first version's shape). */
    public Report(Plan plan, Shard shard, List<Cell> cells, List<Path> obsolete, long schedules) {
      this(plan, shard, cells, obsolete, schedules, false, List.of(), List.of(), List.of());
    }

    /**
     * Whether the run passed: every cell passed and, in a strict run, no approved file is obsolete
     * and no stray received file was left from before.
     */
    public boolean ok() {
      boolean cellsOk = cells.stream().allMatch(c -> c.status().ok());
      return cellsOk && (!strict || (obsolete.isEmpty() && strayReceived.isEmpty()));
    }
  }

  private GoldenRun() {}

  /** Runs the pairs of {@code plan} that fall in {@code shard} on {@code target}. */
  public static Report execute(Plan plan, Shard shard, ScenarioTarget target, ApprovalStore store) {
    Set<String> options = new TreeSet<>();
    plan.variants().forEach(v -> options.addAll(v.enabled()));
    return execute(plan, shard, target, store, options, false);
  }

  /**
   * Runs the pairs of {@code plan} that fall in {@code shard} on {@code target}; {@code options}
   * (the Kconfig's) and {@code fullMatrix} (every valid configuration, not a sample) let the run
   * tell an obsolete approved file from one another run covers.
   */
  public static Report execute(
      Plan plan,
      Shard shard,
      ScenarioTarget target,
      ApprovalStore store,
      Set<String> options,
      boolean fullMatrix) {
    return execute(plan, shard, target, store, options, fullMatrix, Progress.NONE);
  }

  /** As above, showing the cells done so far on {@code progress}. */
  public static Report execute(
      Plan plan,
      Shard shard,
      ScenarioTarget target,
      ApprovalStore store,
      Set<String> options,
      boolean fullMatrix,
      Progress progress) {
    List<Path> strayBefore = store.strayReceived();
    List<Cell> cells = new ArrayList<>();
    Set<Path> planned = new HashSet<>();
    Set<Path> checked = new HashSet<>();
    long schedules = 0;
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      List<Plan.Pair> pairs = plan.pairs();
      int inShard = (int) IntStream.range(0, pairs.size()).filter(shard::includes).count();
      for (int k = 0; k < pairs.size(); k++) {
        Plan.Pair p = pairs.get(k);
        Path approved = store.approvedFile(p.scenario().name(), p.variant());
        planned.add(approved);
        if (!shard.includes(k)) {
          continue;
        }
        checked.add(approved);
        Cell cell = runOne(runner, p, target, store);
        schedules += cell.schedules();
        cells.add(cell);
        progress.update("golden cells", cells.size(), inShard);
      }
    } finally {
      progress.done();
    }
    Set<String> names = new TreeSet<>();
    plan.scenarios().forEach(s -> names.add(s.name()));
    Set<String> ids = new TreeSet<>();
    plan.variants().forEach(v -> ids.add(v.id()));
    ApprovedFiles.Sorted sorted =
        ApprovedFiles.classify(store.dir(), checked, planned, names, ids, options, fullMatrix);
    boolean strict = store.policy() == Policy.STRICT;
    return new Report(
        plan,
        shard,
        cells,
        sorted.obsoleteFiles(),
        schedules,
        strict,
        sorted.obsolete(),
        sorted.notRunHere(),
        strayBefore);
  }

  private static Cell runOne(
      ScenarioRunner runner, Plan.Pair p, ScenarioTarget target, ApprovalStore store) {
    Exploration e;
    try {
      e = runner.run(p.scenario(), p.variant(), target);
    } catch (RuntimeException ex) {
      return new Cell(
          p.scenario().name(),
          p.variant(),
          Cell.Status.ERROR,
          target.name() + " cannot run it: " + ex,
          0,
          List.of());
    }
    List<String> failures = new ArrayList<>();
    for (Exploration.Outcome o : e.failures()) {
      failures.add(o.failure() + " (replay: " + o.first() + ")");
    }
    Grading grading = Grading.of(p.scenario(), e);
    if (grading != null) {
      failures.addAll(grading.problems());
    }
    String text = ScenarioRunner.goldenText(p.scenario(), p.variant(), e);
    ApprovalStore.Result r = store.check(p.scenario().name(), p.variant(), text);
    Cell.Status status =
        switch (r.status()) {
          case MATCH -> Cell.Status.PASS;
          case UPDATED -> Cell.Status.RECORDED;
          case MISSING -> Cell.Status.MISSING;
          case MISMATCH -> Cell.Status.FAIL;
          case WEAKENED -> Cell.Status.WEAKENED;
          case INVALID -> Cell.Status.ERROR;
        };
    String detail = r.detail();
    if (grading != null && !grading.ok() && status.ok()) {
      // A forbidden outcome fails even when approved: approving it must not make it allowed.
      status = Cell.Status.FORBIDDEN;
      detail = grading.forbidden().get(0).describe();
    }
    return new Cell(p.scenario().name(), p.variant(), status, detail, e.schedules(), failures);
  }

  /**
   * Verifies every scenario in {@code scenarios} on every valid variant of {@code kconfig} against
   * the approved files in the sibling {@code approved} directory, on {@code target}; prints the
   * Markdown table and any failures to {@code out}. Never approves anything (strict on CI).
   *
   * @return 0 when every pair matches its approved file, 1 when some do not, 2 for bad input
   */
  public static int verifyAll(
      Path scenarios, Path kconfig, ScenarioTarget target, PrintWriter out) {
    Policy policy = Policy.fromEnvironment() == Policy.STRICT ? Policy.STRICT : Policy.VERIFY;
    return run(
        scenarios,
        approvedDirFor(scenarios),
        kconfig,
        KconfigVariants.Sample.ALL,
        Shard.ALL,
        policy,
        target,
        out,
        null,
        null);
  }

  /**
   * Only {@code record} (policy UPDATE) creates the approved directory: {@code verify} and {@code
   * report} against a directory that does not exist would compare with nothing and leave a new
   * directory of received files, so they refuse, naming it (checked after the scenarios, so a
   * broken scenario is still named first).
   */
  static void checkApprovedDir(Path approved, Policy policy) throws BadInputException {
    if (policy == Policy.UPDATE || Files.isDirectory(approved)) {
      return;
    }
    throw new BadInputException(
        List.of(
            approved
                + (Files.exists(approved)
                    ? ": is a file, not an approved-file directory"
                    : ": approved-file directory does not exist (record it first with 'lockkit"
                        + " golden record', or give --approved)")));
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
    return run(
        scenarios,
        approved,
        kconfig,
        sample,
        shard,
        policy,
        target,
        out,
        out,
        markdownFile,
        junitFile,
        Progress.NONE);
  }

  /** As above, showing the cells done so far on {@code progress} (stderr, on a terminal). */
  static int run(
      Path scenarios,
      Path approved,
      Path kconfig,
      KconfigVariants.Sample sample,
      Shard shard,
      Policy policy,
      ScenarioTarget target,
      PrintWriter out,
      PrintWriter err,
      Path markdownFile,
      Path junitFile,
      Progress progress) {
    VariantSource source;
    Plan plan;
    try {
      try {
        source = KconfigVariants.load(kconfig, sample);
      } catch (KconfigException e) {
        throw new BadInputException(List.of(e.getMessage()));
      }
      plan = Plan.load(scenarios, source, target.operations());
      checkApprovedDir(approved, policy);
    } catch (BadInputException e) {
      // Bad input is reported on stderr, as by every other command: stdout is the report.
      for (String m : e.messages()) {
        err.println("error: " + m);
      }
      err.println("nothing was recorded or verified");
      err.flush();
      return 2;
    }
    Report report =
        execute(
            plan,
            shard,
            target,
            new ApprovalStore(approved, policy),
            source.options(),
            sample == KconfigVariants.Sample.ALL,
            progress);
    String md = Tables.markdown(report);
    out.print(md);
    out.flush();
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(markdownFile, md);
    files.put(junitFile, junitFile == null ? "" : Tables.junitXml(report));
    Tables.writeIfRequested(files);
    return report.ok() ? 0 : 1;
  }
}
