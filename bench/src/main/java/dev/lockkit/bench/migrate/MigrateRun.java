package dev.lockkit.bench.migrate;

import dev.lockkit.refactor.migrate.Migration;
import dev.lockkit.refactor.migrate.MigrationRequest;
import dev.lockkit.refactor.migrate.Phases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code lockkit migrate --dry-run} of SRC with TEMPLATES, in-process through the engine the
 * command uses ({@link Migration#run}), printing the time of each phase and the report's counts.
 * Nothing is written. With {@code --profile FILE} the run is sampled by JDK Flight Recorder and the
 * samples are split by what they were doing ({@link SampleProfile}). Usage: {@code MigrateRun
 * [--profile FILE] TEMPLATES SRC [JAR...]}.
 */
public final class MigrateRun {

  private MigrateRun() {}

  public static void main(String[] args) throws Exception {
    int first = 0;
    Path profile = null;
    if (args.length >= 2 && args[0].equals("--profile")) {
      profile = Path.of(args[1]);
      first = 2;
    }
    if (args.length < first + 2) {
      System.err.println("usage: MigrateRun [--profile FILE] TEMPLATES SRC [JAR...]");
      System.exit(2);
    }
    Path templates = Path.of(args[first]);
    Path src = Path.of(args[first + 1]);
    List<Path> cp = new ArrayList<>();
    for (int i = first + 2; i < args.length; i++) {
      cp.add(Path.of(args[i]));
    }
    long start = System.nanoTime();
    Phases phases = new Phases();
    MigrationRequest request =
        new MigrationRequest(
            Path.of("").toAbsolutePath(), templates, List.of(src), cp, Optional.empty(), "dry-run");
    Migration.Result result;
    if (profile == null) {
      result = Migration.run(request, phases);
    } else {
      Migration.Result[] holder = new Migration.Result[1];
      Map<String, Long> split =
          SampleProfile.record(profile, () -> holder[0] = Migration.run(request, phases));
      result = holder[0];
      System.err.println("profile (execution samples, innermost known frame): " + split);
    }
    double total = (System.nanoTime() - start) / 1e6;
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : phases.nanos().entrySet()) {
      sb.append(String.format(Locale.ROOT, " %s=%.0f", e.getKey(), e.getValue() / 1e6));
    }
    System.out.printf(
        Locale.ROOT,
        "migrate: %d rules, %d sites to rewrite, %d left, %.0f ms in-process; phases (ms):%s%n",
        result.templates().rules().size(),
        result.report().rewrittenCount(),
        result.report().leftCount(),
        total,
        sb);
  }
}
