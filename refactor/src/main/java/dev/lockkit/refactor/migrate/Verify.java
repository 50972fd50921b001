package dev.lockkit.refactor.migrate;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.analyzer.variants.VariantBuilder;
import dev.lockkit.refactor.findings.AddedFindings;
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
 * in the file that declares the type it is reported in. The analyzer's graph of the analysed roots
 * is built before and after as well: a cycle or a layer violation the rewrite adds (an after
 * template that calls into another package of the tree) fails the check too, one the tree already
 * had does not ({@link AddedFindings}).
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

  /** What {@code --verify} found in the rewritten tree. */
  record After(Builds builds, List<String> addedFindings) {}

  /**
   * Builds the rewritten tree without touching the user's files: each analysed source root is
   * copied to a temporary directory with the run's new file texts laid over it, and that copy is
   * built. With {@code graph}, the analyzer's graph of the copy is compared with {@code before}'s
   * ({@link AddedFindings#added}): the cycles and layer violations the rewrite adds, less the rules
   * in {@code allow}. Nothing the caller writes depends on the copy, so a failure leaves the tree
   * as it was.
   */
  After buildRewritten(Graph graph) throws MigrationException {
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
      Builds builds = build(copies);
      Set<Path> rewrittenFiles = new java.util.HashSet<>();
      texts.keySet().forEach(f -> rewrittenFiles.add(f.toAbsolutePath().normalize()));
      List<String> added = graph == null ? List.of() : graph.added(copies, rewrittenFiles);
      return new After(builds, added);
    } catch (IOException | dev.lockkit.refactor.edit.EditException e) {
      throw new MigrationException(
          "--verify: cannot lay out the rewritten tree: " + e.getMessage());
    } catch (InputException e) {
      throw new MigrationException(
          "--verify: cannot analyse the rewritten tree: " + e.getMessage());
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  /**
   * The analyzer's graph of the tree before the rewrite, with the layer rules and the rules whose
   * new findings are accepted, for {@link #buildRewritten}'s differential.
   */
  Graph graphBefore(RulesFile rules, Set<String> allow) throws MigrationException {
    try {
      List<SourceRoot> scanned = InputScanner.scan(roots);
      return new Graph(scanned, AddedFindings.graphOf(scanned), rules, allow);
    } catch (InputException e) {
      throw new MigrationException("--verify: cannot analyse the tree: " + e.getMessage());
    }
  }

  /** The graph side of the check: the tree before, and what a copy of the tree adds to it. */
  final class Graph {
    private final List<SourceRoot> scanned;
    private final CodeGraph before;
    private final RulesFile rules;
    private final Set<String> allow;

    private Graph(List<SourceRoot> scanned, CodeGraph before, RulesFile rules, Set<String> allow) {
      this.scanned = scanned;
      this.before = before;
      this.rules = rules;
      this.allow = allow;
    }

    /**
     * The new findings of the tree under {@code copies} (copy i of {@code roots} i), displayed;
     * {@code rewrittenFiles} are the user's files whose new text the copies hold.
     */
    List<String> added(List<Path> copies, Set<Path> rewrittenFiles) throws InputException {
      List<SourceRoot> after = new ArrayList<>();
      for (SourceRoot r : scanned) {
        int i = rootIndex(r.root());
        Path root = roots.get(i).toAbsolutePath().normalize();
        after.add(
            new SourceRoot(
                r.module(),
                copies.get(i).resolve(root.relativize(r.root().toAbsolutePath().normalize()))));
      }
      List<String> out = new ArrayList<>();
      for (Finding f : AddedFindings.added(before, AddedFindings.graphOf(after), rules)) {
        if (!allow.contains(f.rule())) {
          out.add(
              "lockkit migrate: --verify: "
                  + original(f.location(), copies, rewrittenFiles)
                  + ": "
                  + f.severity().name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + f.rule()
                  + ": "
                  + f.message());
        }
      }
      return out;
    }

    private int rootIndex(Path sourceRoot) {
      Path r = sourceRoot.toAbsolutePath().normalize();
      for (int i = 0; i < roots.size(); i++) {
        if (r.startsWith(roots.get(i).toAbsolutePath().normalize())) {
          return i;
        }
      }
      throw new IllegalStateException(sourceRoot + " lies in no analysed source root");
    }

    /** {@code at} in the copy, named as the user's file it was copied from. */
    private String original(Location at, List<Path> copies, Set<Path> rewrittenFiles) {
      Path p = Path.of(at.path()).toAbsolutePath().normalize();
      for (int i = 0; i < copies.size(); i++) {
        Path copy = copies.get(i).toAbsolutePath().normalize();
        if (p.startsWith(copy)) {
          Path file = roots.get(i).toAbsolutePath().normalize().resolve(copy.relativize(p));
          // A rewritten file's lines are those of its new text, which the user has not seen yet.
          boolean rewritten = rewrittenFiles.contains(file);
          return displayPath(file)
              + (at.line() > 0 ? ":" + at.line() : "")
              + (rewritten ? " (after the rewrite)" : "");
        }
      }
      return at.toString();
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
