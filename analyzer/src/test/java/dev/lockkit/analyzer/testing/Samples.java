package dev.lockkit.analyzer.testing;

import static dev.lockkit.analyzer.testing.Projects.write;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small project with one of each kind of finding, for reporter and CLI tests. */
public final class Samples {

  /** Rules for {@link #writeProject}: {@code low} below {@code high}. */
  public static final String RULES =
      "version 1\n"
          + "layer low  x.low.**\n"
          + "layer high x.high\n"
          + "order low high\n"
          + "forbid x.app -> x.secret\n";

  private Samples() {}

  /**
   * Writes: a package cycle x.a <-> x.b, a layer violation x.low -> x.high, a forbidden edge x.app
   * -> x.secret, a file that does not parse, and a name with characters that need escaping in every
   * format ({@code x.q$"<&>}) is avoided: names are Java identifiers, so messages carry the
   * escaping test instead.
   */
  public static Path writeProject(Path root) {
    return write(
        root,
        "src/x/a/A.java",
        "package x.a;\nimport x.b.B;\npublic class A { B b; }\n",
        "src/x/b/B.java",
        "package x.b;\npublic class B { x.a.A a; }\n",
        "src/x/low/Low.java",
        "package x.low;\npublic class Low { x.high.High h; }\n",
        "src/x/high/High.java",
        "package x.high;\npublic class High {}\n",
        "src/x/app/App.java",
        "package x.app;\nclass App { x.secret.Key k; }\n",
        "src/x/secret/Key.java",
        "package x.secret;\npublic class Key {}\n",
        "src/x/broken/Broken.java",
        "package x.broken;\nclass Broken {\n  void f( {}\n}\n",
        "rules.txt",
        RULES);
  }

  /** The analysis of {@link #writeProject}, plus one gating-style finding with a witness. */
  public static AnalysisResult analyse(Path root) throws Exception {
    writeProject(root);
    return Analyzer.on(root.resolve("src"))
        .rules(root.resolve("rules.txt"))
        .displayBase(root)
        .with(
            (roots, kconfig) ->
                List.of(
                    Finding.of(
                            "gate/unguarded-reference",
                            Severity.ERROR,
                            new Location("src/x/a/A.java", 3, 17),
                            "A uses \"B\" <only> when MMU=y & PER_VMA_LOCK=n",
                            "x.a.A -> x.b.B")
                        .withWitness(Map.of("MMU", true, "PER_VMA_LOCK", false))),
            root.resolve("rules.txt"))
        .run();
  }
}
