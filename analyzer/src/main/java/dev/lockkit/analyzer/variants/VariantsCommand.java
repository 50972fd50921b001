package dev.lockkit.analyzer.variants;

import dev.lockkit.analyzer.io.IoMessages;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigOptions;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.analyzer.progress.Progress;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockkit variants}: the valid configurations of a Kconfig (all of them, or a pairwise
 * sample), and with {@code --compile} each one materialised and compiled.
 *
 * <p>Exit codes as for every lockkit command: 0 when every listed variant is fine, 1 when some
 * variant fails to compile, 2 for bad input or usage (missing paths, an unreadable or malformed
 * Kconfig, too many configurations to enumerate). Errors are one line; the stack trace only with
 * {@code --debug}.
 */
@Command(
    name = "variants",
    mixinStandardHelpOptions = true,
    description = {
      "List the build variants of a Kconfig (every valid configuration, or a pairwise sample)",
      "and, with --compile, materialise each one with Spoon and compile it in memory."
    })
public final class VariantsCommand implements Callable<Integer> {
  /**
   * Default {@code --max-variants}. Beyond it a build matrix takes hours, and enumerating models
   * one blocking clause at a time slows down as clauses pile up: 17 free options (131,072
   * configurations) ran over ten minutes against the old limit of 65,536, while counting to 4,097
   * takes a few seconds.
   */
  static final int DEFAULT_LIMIT = 4096;

  /** Which configurations to list. */
  public enum Sample {
    all,
    pairwise
  }

  @Option(
      names = "--kconfig",
      paramLabel = "FILE",
      description = "The Kconfig (default: a file named Kconfig in a PATH or one of its parents).")
  Path kconfig;

  @Option(
      names = "--kconfig-var",
      paramLabel = "NAME=VALUE",
      description = "A Kconfig macro variable, e.g. SRCARCH=x86 or srctree=DIR (repeatable).")
  List<String> kconfigVars = List.of();

  @Option(
      names = "--kconfig-free-undefined",
      description = "Read Kconfig symbols no loaded file defines as free variables (y or n).")
  boolean kconfigFreeUndefined;

  @Option(
      names = "--sample",
      defaultValue = "all",
      paramLabel = "all|pairwise",
      description = "all valid configurations (default) or a pairwise-covering sample.")
  Sample sample;

  @Option(names = "--compile", description = "Materialise and compile every variant.")
  boolean compile;

  @Option(
      names = "--test",
      description =
          "Also run the project's JUnit 5 tests on every variant that compiles (implies"
              + " --compile); the test class path is --classpath.")
  boolean test;

  @Option(
      names = "--test-sources",
      paramLabel = "DIR",
      description =
          "Test source root (repeatable; default: src/test/java beside each PATH ending in"
              + " src/main/java, or inside each PATH that is a Maven module).")
  List<Path> testSources = List.of();

  @Option(
      names = "--classpath",
      paramLabel = "CP",
      description = "Class path the variants compile against (default: the JDK only).")
  String classpath;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "The matrix as a text table (default) or JSON.")
  String format;

  @Option(
      names = "--max-variants",
      paramLabel = "N",
      description =
          "Refuse at once, before building anything, when the Kconfig has more than N valid"
              + " configurations (default: "
              + DEFAULT_LIMIT
              + "); counting stops at N+1.")
  Integer maxVariants;

  @Option(names = "--quiet", description = "No progress bar on stderr.")
  boolean quiet;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Rules file declaring the project's condition annotations and guard methods"
              + " (default: lockcore's).")
  Path rules;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Source roots of the project.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Spoon logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr.
    // Keep the command's output to its own messages unless the user asked otherwise.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    try {
      for (Path p : paths) {
        if (!Files.isDirectory(p)) {
          return usage(err, "source root " + p + " is not a directory");
        }
      }
      Path k = kconfig != null ? kconfig : findKconfig();
      if (k == null) {
        return usage(err, "no Kconfig found next to " + paths.get(0) + "; pass --kconfig FILE");
      }
      if (!format.equals("text") && !format.equals("json")) {
        return usage(err, "unknown format '" + format + "' (expected text or json)");
      }
      if (classpath != null && !classpath.isEmpty()) {
        // A class path entry that does not exist would make every variant fail (or, worse, pass
        // for the wrong reason when it was meant to hold a dependency): refuse it up front.
        for (String entry : classpath.split(File.pathSeparator)) {
          if (!entry.isEmpty() && !Files.exists(Path.of(entry))) {
            return usage(err, "--classpath: " + entry + ": no such file or directory");
          }
        }
      }
      if (kconfig != null && IoMessages.inputProblem(kconfig, "Kconfig file") != null) {
        return usage(err, IoMessages.inputProblem(kconfig, "Kconfig file"));
      }
      // The rules file is read before anything is enumerated or built, with or without
      // --compile: a bad one is a usage error at once, not after minutes (or never).
      Guards guards = Guards.defaults();
      if (rules != null) {
        String problem = IoMessages.inputProblem(rules, "rules file");
        if (problem != null) {
          return usage(err, problem);
        }
        guards = RulesFile.read(rules).guards();
      }
      int limit = maxVariants != null ? maxVariants : DEFAULT_LIMIT;
      if (limit < 1) {
        return usage(err, "--max-variants must be at least 1");
      }
      KconfigOptions options = KconfigOptions.DEFAULT.withFreeUndefined(kconfigFreeUndefined);
      for (String v : kconfigVars) {
        options = options.withAssignment(v); // IllegalArgumentException: a usage error below
      }
      FeatureModel model = KconfigParser.parse(k, null, options);
      List<SortedMap<String, Boolean>> configs;
      if (sample == Sample.all) {
        try {
          // Enumeration stops at limit + 1 models, so an option set with 2^17 configurations is
          // refused in well under a second instead of being built for minutes.
          configs = model.validConfigurations(limit);
        } catch (IllegalStateException e) {
          return usage(
              err,
              k
                  + ": more than "
                  + limit
                  + " valid configurations ("
                  + model.symbolNames().size()
                  + " options); use --sample pairwise, or raise --max-variants");
        }
      } else {
        configs = model.pairwiseSample();
      }
      List<Path> testRoots = test ? testRoots() : List.of();
      if (test && testRoots.isEmpty()) {
        return usage(err, "--test: no test sources found; pass --test-sources DIR");
      }
      for (Path t : testRoots) {
        if (!Files.isDirectory(t)) {
          return usage(err, "--test-sources " + t + ": not a directory");
        }
      }
      if (test && format.equals("json")) {
        return usage(err, "--test reports as text only; drop --format json");
      }
      List<VariantBuilder.Result> results = null;
      VariantBuilder builder = null;
      if (compile || test) {
        List<String> cp =
            classpath == null || classpath.isEmpty()
                ? List.of()
                : Arrays.asList(classpath.split(File.pathSeparator));
        Progress progress = Progress.onTerminal(err, quiet);
        try {
          builder = new VariantBuilder(paths, cp).guards(guards);
          results = builder.buildAll(configs, progress);
        } finally {
          progress.done();
        }
      }
      if (format.equals("json")) {
        out.print(VariantJson.render(k, model, sample.name(), configs, results));
        out.flush();
        return results == null || results.stream().allMatch(VariantBuilder.Result::compiles)
            ? 0
            : 1;
      }
      out.println(
          "lockkit variants: "
              + configs.size()
              + (sample == Sample.all
                  ? " valid configurations"
                  : " configurations covering every feasible pair of option values")
              + " of "
              + k
              + " ("
              + model.symbolNames().size()
              + " options)");
      out.println();
      int failures = VariantTable.print(out, configs, results);
      if (test) {
        failures += runTests(out, builder, configs, results, testRoots);
      }
      out.flush();
      return failures == 0 ? 0 : 1;
    } catch (RulesException e) {
      return usage(err, e.getMessage(), e);
    } catch (KconfigException e) {
      return usage(err, e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      return usage(err, e.getMessage(), e);
    }
  }

  /**
   * Runs the tests on each variant that compiles and prints, per variant, what ran, what failed and
   * which test sources do not compile there. Returns the number of variants whose tests are not all
   * green.
   */
  private int runTests(
      PrintWriter out,
      VariantBuilder builder,
      List<SortedMap<String, Boolean>> configs,
      List<VariantBuilder.Result> results,
      List<Path> roots) {
    List<String> cp =
        classpath == null || classpath.isEmpty()
            ? List.of()
            : Arrays.asList(classpath.split(File.pathSeparator));
    VariantTests tests = new VariantTests(roots, cp);
    out.println();
    out.println(
        "tests on each variant ("
            + String.join(", ", roots.stream().map(Path::toString).toList())
            + "):");
    int bad = 0;
    int width = String.valueOf(configs.size()).length();
    for (int i = 0; i < configs.size(); i++) {
      String id = String.format("V%0" + Math.max(2, width) + "d", i + 1);
      if (!results.get(i).compiles()) {
        out.println(String.format("%-8s not run (the variant does not compile)", id));
        continue;
      }
      VariantTests.Outcome o = tests.run(builder.materialise(configs.get(i)));
      out.println(
          String.format(
              "%-8s %s: %d run, %d failed, %d test source(s) do not compile",
              id, o.ok() ? "ok" : "FAIL", o.run(), o.failed().size(), o.notCompiled().size()));
      for (String f : o.failed()) {
        out.println("           failed: " + f);
      }
      for (String f : o.notCompiled()) {
        out.println("           does not compile here: " + f);
      }
      if (!o.ok()) {
        bad++;
      }
    }
    return bad;
  }

  private List<Path> testRoots() {
    if (!testSources.isEmpty()) {
      return testSources;
    }
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Path candidate =
          abs.endsWith(Path.of("src", "main", "java"))
              ? abs.getParent().getParent().resolve("test").resolve("java")
              : abs.resolve("src").resolve("test").resolve("java");
      if (Files.isDirectory(candidate)) {
        out.add(candidate);
      }
    }
    return out;
  }

  private Path findKconfig() {
    for (Path p : paths) {
      for (Path dir = p.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("Kconfig");
        if (Files.isRegularFile(candidate)) {
          Path relative = Path.of("").toAbsolutePath().relativize(candidate);
          return relative.toString().isEmpty() ? candidate : relative;
        }
      }
    }
    return null;
  }

  private int usage(PrintWriter err, String message) {
    return usage(err, message, null);
  }

  private int usage(PrintWriter err, String message, Exception cause) {
    if (debug && cause != null) {
      cause.printStackTrace(err);
    }
    err.println("lockkit variants: " + message);
    err.flush();
    return 2;
  }

  /** Renders the variant table; kept apart so its format is tested without a command line. */
  static final class VariantTable {
    private VariantTable() {}

    /**
     * Prints one row per variant ({@code V01 ...}): the options it sets to {@code y} and, when
     * {@code results} is given, whether it compiled with its first errors underneath. Returns the
     * number of variants that failed to compile.
     */
    static int print(
        PrintWriter out,
        List<SortedMap<String, Boolean>> configs,
        List<VariantBuilder.Result> results) {
      int width = String.valueOf(configs.size()).length();
      String head =
          results == null
              ? "variant  options set to y (every other option is n)"
              : "variant  result  options set to y (every other option is n)";
      out.println(head);
      int failures = 0;
      for (int i = 0; i < configs.size(); i++) {
        String id = String.format("V%0" + Math.max(2, width) + "d", i + 1);
        List<String> on = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : configs.get(i).entrySet()) {
          if (e.getValue()) {
            on.add(e.getKey());
          }
        }
        String options = on.isEmpty() ? "(none)" : String.join(" ", on);
        if (results == null) {
          out.println(String.format("%-8s %s", id, options));
          continue;
        }
        VariantBuilder.Result r = results.get(i);
        out.println(String.format("%-8s %-7s %s", id, r.compiles() ? "ok" : "FAIL", options));
        if (!r.compiles()) {
          failures++;
          for (String e : r.errors()) {
            out.println("                   " + e);
          }
        }
      }
      if (results != null) {
        out.println();
        out.println(
            configs.size()
                + " variants: "
                + (configs.size() - failures)
                + " compile, "
                + failures
                + " fail");
      }
      return failures;
    }
  }
}
