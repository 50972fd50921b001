package dev.lockkit.analyzer.variants;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.pc.Guards;
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
      names = "--sample",
      defaultValue = "all",
      paramLabel = "all|pairwise",
      description = "all valid configurations (default) or a pairwise-covering sample.")
  Sample sample;

  @Option(names = "--compile", description = "Materialise and compile every variant.")
  boolean compile;

  @Option(
      names = "--classpath",
      paramLabel = "CP",
      description = "Class path the variants compile against (default: the JDK only).")
  String classpath;

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
      FeatureModel model = KconfigParser.parse(k);
      List<SortedMap<String, Boolean>> configs =
          sample == Sample.all ? model.allValidConfigurations() : model.pairwiseSample();
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
      List<VariantBuilder.Result> results = null;
      if (compile) {
        List<String> cp =
            classpath == null || classpath.isEmpty()
                ? List.of()
                : Arrays.asList(classpath.split(File.pathSeparator));
        Guards guards = rules == null ? Guards.defaults() : RulesFile.read(rules).guards();
        results = new VariantBuilder(paths, cp).guards(guards).buildAll(configs);
      }
      int failures = VariantTable.print(out, configs, results);
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
