package dev.lockkit.golden.compare;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lockkit golden compare --approved OLD_DIR [NEW_DIR]}: sorts every difference between two
 * sets of approved files into behaviour, added observation and exploration. Exit codes: 0 no
 * behaviour difference (exploration and added observations allowed), 1 behaviour differences, 2 bad
 * input or usage.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare two sets of approved files and sort each difference into behaviour (outcomes,"
            + " results, maps, counters, failures, grades), added observation (the same outcomes"
            + " with lines of a kind no old file has, possibly split by them) and exploration"
            + " (schedule counts, coverage, first schedules, trace interleavings); exits 1 on any"
            + " behaviour difference.")
public final class CompareCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--approved",
      paramLabel = "OLD_DIR",
      required = true,
      description = "The approved files before the change (e.g. a copy taken with git archive).")
  Path oldDir;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NEW_DIR",
      description = "The approved files after it (default: fixtures/approved of the checkout).")
  Path newDir;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path dir = newDir != null ? newDir : defaultApproved();
      ApprovedComparison c = ApprovedComparison.of(oldDir, dir);
      c.print(out);
      return c.behaviourDifferences() == 0 ? 0 : 1;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return 2;
    }
  }

  /** fixtures/approved of the nearest checkout at or above the working directory. */
  private static Path defaultApproved() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("lockcore/Kconfig"))) {
        return p.resolve("fixtures/approved");
      }
    }
    throw new IllegalArgumentException(
        "no NEW_DIR given and no lockkit checkout (lockcore/Kconfig) at or above the working"
            + " directory");
  }
}
