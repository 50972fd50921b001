package dev.lockkit.golden.cli;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioException;
import dev.lockkit.golden.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a golden run covers: every scenario of a directory, every variant of the matrix, and the
 * (scenario, variant) pairs where the scenario's selector holds, sorted by scenario then variant.
 *
 * @param scenarios the scenarios, sorted by name
 * @param variants the matrix, sorted by id
 * @param pairs the applicable pairs, sorted
 * @param matrix where the variants came from
 */
public record Plan(
    List<Scenario> scenarios, List<Variant> variants, List<Pair> pairs, String matrix) {

  /** One scenario on one variant. */
  public record Pair(Scenario scenario, Variant variant) {}

  /** Copies the lists. */
  public Plan {
    scenarios = List.copyOf(scenarios);
    variants = List.copyOf(variants);
    pairs = List.copyOf(pairs);
  }

  /**
   * Reads every {@code *.scn} in {@code dir} with the target's vocabulary {@code ops} and checks
   * each selector against {@code source}: an unknown option, or a selector no valid configuration
   * satisfies, is an error at its line.
   *
   * @throws BadInputException with every problem found, each naming file and line
   */
  public static Plan load(Path dir, VariantSource source, Operations ops) throws BadInputException {
    List<String> errors = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          List.of(
              dir
                  + (Files.exists(dir)
                      ? ": is a file, not a scenario directory"
                      : ": scenario directory does not exist")));
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.scn")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new BadInputException(List.of(dir + ": cannot list: " + e.getMessage()));
    }
    files.sort(null);
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files) {
      try {
        Scenario s = ScenarioParser.parse(f, ops);
        check(s, source);
        scenarios.add(s);
      } catch (ScenarioException e) {
        errors.add(e.getMessage());
      }
    }
    if (files.isEmpty()) {
      errors.add(dir + ": no .scn scenario files");
    }
    if (!errors.isEmpty()) {
      throw new BadInputException(errors);
    }
    return of(scenarios, source);
  }

  /** A plan over already-built scenarios (checked like {@link #load}). */
  public static Plan of(List<Scenario> scenarios, VariantSource source) throws BadInputException {
    List<String> errors = new ArrayList<>();
    for (Scenario s : scenarios) {
      try {
        check(s, source);
      } catch (ScenarioException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new BadInputException(errors);
    }
    List<Scenario> sorted = new ArrayList<>(scenarios);
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    List<Variant> variants = source.variants();
    List<Pair> pairs = new ArrayList<>();
    for (Scenario s : sorted) {
      for (Variant v : variants) {
        if (s.config().matches(v.enabled())) {
          pairs.add(new Pair(s, v));
        }
      }
    }
    return new Plan(sorted, variants, pairs, source.description());
  }

  private static void check(Scenario s, VariantSource source) throws ScenarioException {
    String file = s.origin().file();
    int line = s.origin().configLine();
    for (String sym : s.config().symbols()) {
      if (!source.options().contains(sym)) {
        throw new ScenarioException(
            file,
            line,
            "config selector names unknown option "
                + sym
                + " (known: "
                + String.join(", ", new java.util.TreeSet<>(source.options()))
                + ")");
      }
    }
    if (source.variants().stream().noneMatch(v -> s.config().matches(v.enabled()))) {
      throw new ScenarioException(
          file,
          line,
          "config selector '"
              + s.config()
              + "' holds on no valid configuration of "
              + source.description()
              + "; nothing would be recorded");
    }
  }
}
