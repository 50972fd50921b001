package dev.lockkit.refactor.move;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.analyzer.variants.VariantBuilder;
import dev.lockkit.refactor.edit.EditException;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.findings.AddedFindings;
import dev.lockkit.refactor.javac.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code --verify}: checks the result of a move <em>before anything is written</em>, and fails only
 * on what the move introduced.
 *
 * <p>The rewritten tree is laid out in a temporary directory (the tree itself is untouched): every
 * Java file of each source root with the move's edits applied, created files added, deleted ones
 * left out. Then, against {@code --classpath} only (never the tree's own {@code target/classes},
 * which would resolve what the move deleted):
 *
 * <ul>
 *   <li>without a Kconfig, javac compiles the tree before and the tree after; an error of the tree
 *       after that the tree before does not have (same file, same message; line numbers are not
 *       compared, edits shift them) is introduced by the move;
 *   <li>with a Kconfig, every valid configuration (its pairwise sample when there are too many) is
 *       materialised and compiled by the analyzer's {@link VariantBuilder}, before and after; a
 *       variant that compiled before and not after, or whose errors (as far as the builder keeps
 *       them) include one it did not have, is introduced;
 *   <li>the analyzer's graph of the tree after is built from the rewritten files and compared with
 *       the graph before with the what-if's own rule ({@link AddedFindings#added}): new cycles
 *       (shrunk ones are not new) and new layer violations, less those {@code --allow} accepts.
 * </ul>
 */
final class Verify {

  /** The outcome: ok, and the lines to print ({@code verify: ...}). */
  record Result(boolean ok, List<String> lines) {}

  private Verify() {}

  static Result run(
      MoveEngine.Outcome o,
      List<Path> paths,
      Path kconfig,
      Path rulesPath,
      Set<String> allow,
      List<String> classpath)
      throws MoveEngine.BadInput {
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    Path tmp = null;
    try {
      List<SourceRoot> before = InputScanner.scan(paths);
      tmp = Files.createTempDirectory("lockkit-verify");
      List<SourceRoot> after = materialise(o, before, tmp);
      List<Path> cp = classpath.stream().map(Path::of).toList();
      if (kconfig == null) {
        ok &= compileDiff(before, after, cp, lines);
      } else {
        ok &= variantsDiff(before, after, kconfig, classpath, lines);
      }
      ok &= graphDiff(o, after, rulesPath, allow, lines);
    } catch (InputException | KconfigException | RulesException | EditException e) {
      throw new MoveEngine.BadInput("--verify: " + e.getMessage());
    } catch (IOException e) {
      throw new MoveEngine.BadInput("--verify: cannot lay out the result: " + e.getMessage());
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
    return new Result(ok, lines);
  }

  /** The tree after the move, under {@code tmp}: one directory per source root. */
  private static List<SourceRoot> materialise(
      MoveEngine.Outcome o, List<SourceRoot> roots, Path tmp)
      throws IOException, InputException, EditException {
    Map<Path, String> changed = new HashMap<>();
    for (Map.Entry<Path, String> e : o.changes().result().entrySet()) {
      changed.put(e.getKey().toAbsolutePath().normalize(), e.getValue());
    }
    Set<Path> deleted = new HashSet<>();
    for (SourceFile f : o.deletions()) {
      deleted.add(f.path().toAbsolutePath().normalize());
    }
    List<SourceRoot> out = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      Path root = roots.get(i).root().toAbsolutePath().normalize();
      Path copy = Files.createDirectories(tmp.resolve(Integer.toString(i)));
      for (Path f : InputScanner.javaFiles(root)) {
        Path abs = f.toAbsolutePath().normalize();
        if (deleted.contains(abs)) {
          continue;
        }
        Path target = copy.resolve(root.relativize(abs).toString());
        Files.createDirectories(target.getParent());
        String text = changed.remove(abs);
        if (text != null) {
          Files.writeString(target, text, StandardCharsets.UTF_8);
        } else {
          Files.copy(abs, target);
        }
      }
      out.add(new SourceRoot(roots.get(i).module(), copy));
    }
    // What is left are new files: each goes under the (innermost) root that contains it.
    for (Map.Entry<Path, String> e : new TreeMap<>(changed).entrySet()) {
      int best = -1;
      for (int i = 0; i < roots.size(); i++) {
        Path root = roots.get(i).root().toAbsolutePath().normalize();
        if (e.getKey().startsWith(root)
            && (best < 0
                || root.getNameCount()
                    > roots.get(best).root().toAbsolutePath().normalize().getNameCount())) {
          best = i;
        }
      }
      if (best >= 0) {
        Path root = roots.get(best).root().toAbsolutePath().normalize();
        Path target = out.get(best).root().resolve(root.relativize(e.getKey()).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    return out;
  }

  private static boolean compileDiff(
      List<SourceRoot> before, List<SourceRoot> after, List<Path> cp, List<String> lines)
      throws InputException {
    List<Compilation.Error> old = Compilation.errors(rootsOf(before), cp);
    List<Compilation.Error> now = Compilation.errors(rootsOf(after), cp);
    Map<String, Integer> budget = new HashMap<>();
    for (Compilation.Error e : old) {
      budget.merge(e.key(), 1, Integer::sum);
    }
    List<Compilation.Error> introduced = new ArrayList<>();
    for (Compilation.Error e : now) {
      if (budget.merge(e.key(), -1, Integer::sum) < 0) {
        introduced.add(e);
      }
    }
    if (introduced.isEmpty()) {
      lines.add(
          "verify: the result compiles"
              + (now.isEmpty()
                  ? ""
                  : " as well as the tree before ("
                      + now.size()
                      + " error(s) that were there before the move, not counted)"));
      return true;
    }
    lines.add("verify: the move introduces " + introduced.size() + " compile error(s):");
    for (Compilation.Error e : introduced) {
      lines.add("verify:   " + e);
    }
    return false;
  }

  private static boolean variantsDiff(
      List<SourceRoot> before,
      List<SourceRoot> after,
      Path kconfig,
      List<String> classpath,
      List<String> lines)
      throws KconfigException {
    FeatureModel model = KconfigParser.parse(kconfig);
    List<SortedMap<String, Boolean>> configs;
    try {
      configs = model.allValidConfigurations();
    } catch (IllegalStateException tooMany) {
      configs = model.pairwiseSample();
    }
    List<VariantBuilder.Result> old =
        new VariantBuilder(rootsOf(before), classpath).buildAll(configs);
    List<VariantBuilder.Result> now =
        new VariantBuilder(rootsOf(after), classpath).buildAll(configs);
    int compiled = 0;
    int broken = 0;
    int before0 = 0;
    for (int i = 0; i < now.size(); i++) {
      VariantBuilder.Result a = now.get(i);
      VariantBuilder.Result b = old.get(i);
      if (a.compiles()) {
        compiled++;
        continue;
      }
      Set<String> had = new HashSet<>();
      if (!b.compiles()) {
        before0++;
        b.errors().forEach(e -> had.add(withoutLine(e)));
      }
      boolean introduced =
          b.compiles() || !had.containsAll(a.errors().stream().map(Verify::withoutLine).toList());
      if (introduced) {
        broken++;
        lines.add(
            "verify: variant " + a.config() + " does not compile after the move: " + a.errors());
      }
    }
    lines.add(
        "verify: "
            + compiled
            + "/"
            + configs.size()
            + " variant(s) compile"
            + (before0 == 0 ? "" : "; " + before0 + " did not compile before the move either"));
    return broken == 0;
  }

  /** A variant error without its line number (edits shift lines; the message stays). */
  private static String withoutLine(String error) {
    return error.replaceFirst(":\\d+:", ":");
  }

  private static boolean graphDiff(
      MoveEngine.Outcome o,
      List<SourceRoot> after,
      Path rulesPath,
      Set<String> allow,
      List<String> lines)
      throws InputException, RulesException {
    RulesFile rules = rulesPath == null ? null : RulesFile.read(rulesPath);
    CodeGraph graph = AddedFindings.graphOf(after);
    List<Finding> added = new ArrayList<>();
    for (Finding f : AddedFindings.added(o.graphBefore(), graph, rules)) {
      if (!allow.contains(f.rule())) {
        added.add(f);
      }
    }
    if (added.isEmpty()) {
      lines.add("verify: no new cycle or layer violation in the result");
      return true;
    }
    lines.add("verify: the result has " + added.size() + " new finding(s):");
    for (Finding f : added) {
      lines.add("verify:   " + f.rule() + ": " + f.message());
    }
    return false;
  }

  private static List<Path> rootsOf(List<SourceRoot> roots) {
    return roots.stream().map(SourceRoot::root).toList();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
