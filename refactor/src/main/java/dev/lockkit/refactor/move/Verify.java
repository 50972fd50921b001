package dev.lockkit.refactor.move;

import dev.lockkit.analyzer.cycles.CycleFinder;
import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.analyzer.variants.VariantBuilder;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code --verify}: after writing, re-reads the result (every file must parse), reruns the
 * analyzer's cycle rule on it, and compiles every build variant with the analyzer's {@link
 * VariantBuilder} (every valid configuration of the Kconfig, or its pairwise sample when there are
 * too many; without a Kconfig, the one variant with every option off), against {@code --classpath}
 * (the sources' dependencies; the JDK alone when not given).
 */
final class Verify {

  private Verify() {}

  static boolean run(List<Path> paths, Path kconfig, List<String> classpath, PrintWriter out) {
    boolean ok = true;
    try {
      JavaProject p = JavaProject.load(paths);
      for (ParsedFile f : p.unparsed()) {
        out.println("verify: " + f.display() + " does not parse: " + f.parseError());
        ok = false;
      }
      List<SourceRoot> roots = InputScanner.scan(paths);
      SourceParser.Parsed parsed =
          new SourceParser(SourceParser.Options.defaults(), Path.of("").toAbsolutePath())
              .parse(roots, SourceParser.Progress.NONE);
      CodeGraph g = GraphBuilder.build(parsed.modules(), parsed.files());
      int groups = 0;
      for (Level level : Level.values()) {
        for (CycleGroup c : CycleFinder.find(g.edges(level))) {
          out.println("verify: cycle/" + level.label() + ": " + c.key());
          groups++;
        }
      }
      out.println("verify: " + groups + " cycle group(s) in the result");
      List<SortedMap<String, Boolean>> configs = List.of(new TreeMap<>());
      if (kconfig != null) {
        FeatureModel model = KconfigParser.parse(kconfig);
        try {
          configs = model.allValidConfigurations();
        } catch (IllegalStateException tooMany) {
          configs = model.pairwiseSample();
        }
      }
      VariantBuilder builder =
          new VariantBuilder(roots.stream().map(SourceRoot::root).toList(), classpath);
      int compiled = 0;
      for (VariantBuilder.Result r : builder.buildAll(configs)) {
        if (r.compiles()) {
          compiled++;
        } else {
          ok = false;
          out.println("verify: variant " + r.config() + " does not compile: " + r.errors());
        }
      }
      out.println("verify: " + compiled + "/" + configs.size() + " variant(s) compile");
    } catch (InputException | KconfigException e) {
      out.println("verify: " + e.getMessage());
      return false;
    }
    return ok;
  }
}
