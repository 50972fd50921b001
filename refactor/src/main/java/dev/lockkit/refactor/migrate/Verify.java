package dev.lockkit.refactor.migrate;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.variants.VariantBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code --verify}: compile every build variant before and after the write, and tie each new
 * compile error to the rewrites of the file it is in.
 *
 * <p>Implementation overview. Variants come from the analyzer's {@link VariantBuilder} over the
 * analysed source roots plus any source directory given on the class path (so a library such as
 * lockcore is materialised in the same configuration); jars and class directories are its class
 * path. Configurations are every valid one of the {@code --kconfig} model (a pairwise sample above
 * 64), or the single all-off configuration without a model. The variant printer renumbers lines, so
 * errors are compared without their line numbers, and an error is attributed to the rewrites made
 * in the file that declares the type it is reported in.
 */
final class Verify {

  private static final int EXHAUSTIVE_LIMIT = 64;

  private final Migration.Result result;
  private final List<Path> roots = new ArrayList<>();
  private final List<String> classpath = new ArrayList<>();
  private final List<SortedMap<String, Boolean>> configs;
  private final Path base;

  /** Errors of each configuration, without line numbers. */
  record Builds(Map<SortedMap<String, Boolean>, List<String>> errors) {
    /** How many configurations have at least one compile error. */
    long failing() {
      return errors.values().stream().filter(e -> !e.isEmpty()).count();
    }
  }

  Verify(Migration.Result result, List<Path> cp, Path base) {
    this.result = result;
    this.base = base;
    roots.addAll(result.sourceRoots());
    for (Path p : cp) {
      if (Files.isDirectory(p) && !hasClassFiles(p)) {
        roots.add(p);
      } else {
        classpath.add(p.toString());
      }
    }
    Optional<FeatureModel> model = result.model();
    if (model.isEmpty()) {
      configs = List.of(new TreeMap<>());
    } else {
      List<SortedMap<String, Boolean>> all;
      try {
        all = model.get().allValidConfigurations();
      } catch (IllegalStateException e) {
        all = model.get().pairwiseSample();
      }
      configs = all.size() > EXHAUSTIVE_LIMIT ? model.get().pairwiseSample() : all;
    }
  }

  int configurationCount() {
    return configs.size();
  }

  Builds build() {
    VariantBuilder builder = new VariantBuilder(roots, classpath);
    Map<SortedMap<String, Boolean>, List<String>> out = new LinkedHashMap<>();
    for (VariantBuilder.Result r : builder.buildAll(configs)) {
      out.put(r.config(), r.errors());
    }
    return new Builds(out);
  }

  /** Errors of {@code after} not in {@code before}, each with the rewrites that may cause it. */
  List<String> newErrors(Builds before, Builds after) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<SortedMap<String, Boolean>, List<String>> e : after.errors().entrySet()) {
      Set<String> old = new LinkedHashSet<>();
      before.errors().getOrDefault(e.getKey(), List.of()).forEach(x -> old.add(withoutLine(x)));
      for (String error : e.getValue()) {
        if (old.contains(withoutLine(error))) {
          continue;
        }
        out.add(
            "lockkit migrate: --verify: variant "
                + e.getKey()
                + ": "
                + error
                + " <- "
                + cause(error));
      }
    }
    return out;
  }

  private String cause(String error) {
    String typePath = error.substring(0, Math.max(0, error.indexOf(':')));
    for (Path root : roots) {
      Path file = root.resolve(typePath);
      if (Files.isRegularFile(file)) {
        String display = displayPath(file);
        List<String> rewrites = result.rewritesByFile().get(display);
        return rewrites == null
            ? "in " + display + ", which this run did not rewrite"
            : String.join("; ", rewrites);
      }
    }
    return "no rewritten file declares " + typePath;
  }

  private String displayPath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    return (abs.startsWith(b) ? b.relativize(abs) : abs).toString().replace('\\', '/');
  }

  private static String withoutLine(String error) {
    return error.replaceFirst(":\\d+:", ":");
  }

  private static boolean hasClassFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(f -> f.toString().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }
}
