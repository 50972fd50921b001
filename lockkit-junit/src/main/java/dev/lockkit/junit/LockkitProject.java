package dev.lockkit.junit;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What to analyse: source roots, and optionally a rules file (layers, forbidden dependencies, bans)
 * and a Kconfig (config gating). Paths are relative to the working directory, which under Maven
 * Surefire is the module's base directory; findings name files relative to it too.
 *
 * <p>The analysis runs once per distinct project and is shared by every rule and test class that
 * asks for it, so ten rules over one codebase cost one parse.
 */
public final class LockkitProject {

  private static final Map<String, AnalysisResult> CACHE = new ConcurrentHashMap<>();

  private final List<Path> sources;
  private final Path rules;
  private final String rulesText;
  private final Path kconfig;

  private LockkitProject(List<Path> sources, Path rules, String rulesText, Path kconfig) {
    this.sources = List.copyOf(sources);
    this.rules = rules;
    this.rulesText = rulesText;
    this.kconfig = kconfig;
  }

  /** A project made of these source roots (directories of Java sources, or Maven modules). */
  public static LockkitProject sources(String... roots) {
    if (roots.length == 0) {
      throw new IllegalArgumentException("LockkitProject.sources: name at least one source root");
    }
    List<Path> paths = new ArrayList<>();
    for (String r : roots) {
      paths.add(Path.of(r));
    }
    return new LockkitProject(paths, null, null, null);
  }

  /** Checks the layers, forbidden dependencies and bans of this rules file. */
  public LockkitProject rules(String file) {
    return new LockkitProject(sources, Path.of(file), null, kconfig);
  }

  /**
   * Checks these rules, written in the rules-file syntax one directive per string (for rules that
   * live in the test class rather than a file).
   */
  public LockkitProject rulesText(String... lines) {
    return new LockkitProject(sources, null, String.join("\n", lines) + "\n", kconfig);
  }

  /** Runs config gating on every build variant of this Kconfig. */
  public LockkitProject kconfig(String file) {
    return new LockkitProject(sources, rules, rulesText, Path.of(file));
  }

  /**
   * The analysis of this project (computed once per distinct project).
   *
   * @throws IllegalStateException when the input cannot be analysed: a missing root, rules file or
   *     Kconfig, or a malformed one; the message names the file
   */
  public AnalysisResult analysis() {
    return CACHE.computeIfAbsent(cacheKey(), k -> analyse());
  }

  private AnalysisResult analyse() {
    for (Path p : sources) {
      if (!Files.exists(p)) {
        throw new IllegalStateException(
            "lockkit: source root " + p + " not found (relative to " + cwd() + ")");
      }
    }
    Analyzer analyzer = Analyzer.on(sources).displayBase(cwd());
    try {
      if (rules != null) {
        if (!Files.isRegularFile(rules)) {
          throw new IllegalStateException("lockkit: rules file " + rules + " not found");
        }
        analyzer.rules(rules);
      } else if (rulesText != null) {
        analyzer.rules(RulesFile.parse(rulesText, "rules in the test class"));
      }
      if (kconfig != null) {
        if (!Files.isRegularFile(kconfig)) {
          throw new IllegalStateException("lockkit: Kconfig " + kconfig + " not found");
        }
        analyzer.with(dev.lockkit.analyzer.api.Gating.rules(), kconfig);
      }
      return analyzer.run();
    } catch (InputException | RulesException | Analyzer.ExtraRulesException e) {
      throw new IllegalStateException("lockkit: " + e.getMessage(), e);
    }
  }

  private String cacheKey() {
    return cwd()
        + "|"
        + sources.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
        + "|"
        + (rules == null ? "" : rules.toAbsolutePath().normalize())
        + "|"
        + Objects.toString(rulesText, "")
        + "|"
        + (kconfig == null ? "" : kconfig.toAbsolutePath().normalize());
  }

  private static Path cwd() {
    return Path.of("").toAbsolutePath();
  }

  @Override
  public String toString() {
    return "sources "
        + sources
        + (rules != null ? ", rules " + rules : rulesText != null ? ", inline rules" : "")
        + (kconfig != null ? ", Kconfig " + kconfig : "");
  }
}
