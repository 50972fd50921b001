package dev.lockkit.refactor.migrate;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.progress.Progress;
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
 * {@code --verify}: compile every build variant of the tree before the change and of the rewritten
 * tree (laid out in a temporary directory, before anything is written), and tie each new compile
 * error to the rewrites of the file it is in. The class path never includes the build output
 * ({@code target/classes}) of a module being changed.
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

  private Progress progress = Progress.NONE;

  Verify(Migration.Result result, List<Path> cp, Path base) {
    this.result = result;
    this.base = base;
    roots.addAll(result.sourceRoots());
    for (Path p : cp) {
      if (Files.isDirectory(p) && isOwnBuildOutput(p, result.sourceRoots())) {
        continue;
      }
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

  /** Shows the variant builds on {@code bar} (stderr only); none by default. */
  Verify progress(Progress bar) {
    this.progress = bar;
    return this;
  }

  Builds build() {
    return build(roots);
  }

  /**
   * Builds the rewritten tree without touching the user's files: each analysed source root is
   * copied to a temporary directory with the run's new file texts laid over it, and that copy is
   * built. Nothing the caller writes depends on it, so a failure leaves the tree as it was.
   */
  Builds buildRewritten() throws MigrationException {
    Path temp = null;
    try {
      temp = Files.createTempDirectory("lockkit-verify");
      SortedMap<Path, String> texts = result.changes().result();
      List<Path> copies = new ArrayList<>();
      for (int i = 0; i < roots.size(); i++) {
        Path root = roots.get(i).toAbsolutePath().normalize();
        Path copy = temp.resolve(Integer.toString(i));
        copyTree(root, copy);
        for (Map.Entry<Path, String> e : texts.entrySet()) {
          Path f = e.getKey().toAbsolutePath().normalize();
          if (f.startsWith(root)) {
            Path target = copy.resolve(root.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
          }
        }
        copies.add(copy);
      }
      return build(copies);
    } catch (IOException | dev.lockkit.refactor.edit.EditException e) {
      throw new MigrationException(
          "--verify: cannot lay out the rewritten tree: " + e.getMessage());
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  private Builds build(List<Path> sourceRoots) {
    VariantBuilder builder = new VariantBuilder(sourceRoots, classpath);
    Map<SortedMap<String, Boolean>, List<String>> out = new LinkedHashMap<>();
    for (VariantBuilder.Result r : builder.buildAll(configs, progress)) {
      out.put(r.config(), r.errors().stream().map(e -> inRoot(e, sourceRoots)).toList());
    }
    return new Builds(out);
  }

  /**
   * {@code error} with its file named relative to the source root that holds it ({@code p/A.java:4:
   * ...}). The variant builder names the file it compiled (the original, or the temporary copy of
   * the rewritten tree); relative to its root, the same file has the same name in both builds,
   * which is what the differential and {@link #cause} compare.
   */
  static String inRoot(String error, List<Path> sourceRoots) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(.+?\\.java):(\\d+)(.*)$", java.util.regex.Pattern.DOTALL)
            .matcher(error);
    if (!m.matches()) {
      return error;
    }
    Path file;
    try {
      file = Path.of(m.group(1)).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return error;
    }
    for (Path root : sourceRoots) {
      Path r = root.toAbsolutePath().normalize();
      if (file.startsWith(r)) {
        return r.relativize(file).toString().replace('\\', '/') + ":" + m.group(2) + m.group(3);
      }
    }
    return error;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (p.toString().endsWith(".java")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless; the run's result does not depend on it.
    }
  }

  /**
   * True if {@code dir} is the build output of a module whose sources are being changed ({@code
   * M/target/classes} for a root under {@code M}): on the class path it would let a variant resolve
   * a class the variant deletes, hiding the very errors the check is for.
   */
  private static boolean isOwnBuildOutput(Path dir, List<Path> sourceRoots) {
    Path d = dir.toAbsolutePath().normalize();
    if (d.getNameCount() < 2
        || !d.getFileName().toString().equals("classes")
        || !d.getParent().getFileName().toString().equals("target")) {
      return false;
    }
    Path module = d.getParent().getParent();
    return sourceRoots.stream().anyMatch(r -> r.toAbsolutePath().normalize().startsWith(module));
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
