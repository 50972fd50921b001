package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long migrate run shows analyze's progress line on stderr, never in its report. */
class ProgressTest {

  @TempDir Path root;

  @Test
  void theStagesAndTheFilesMatchedAreShownAndTheLineIsClearedAtTheEnd() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            "class T {\n  class R {\n    @BeforeTemplate boolean b(String s) { return s.length()"
                + " == 0; }\n    @AfterTemplate boolean a(String s) { return s.isEmpty(); }\n"
                + "  }\n}\n",
            "src/p/A.java",
            "package p;\nclass A { boolean f(String s) { return s.length() == 0; } }\n",
            "src/p/B.java",
            "package p;\nclass B {}\n"));
    StringWriter err = new StringWriter();
    Progress bar = Progress.always(new PrintWriter(err, true));
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("T.java"),
                List.of(root.resolve("src")),
                List.of(),
                Optional.empty(),
                "check"),
            new Phases(),
            bar);
    bar.done();
    String shown = err.toString();
    assertTrue(shown.contains("lockkit: migrate: javac attribution ["), shown);
    assertTrue(shown.contains("lockkit: migrate: matching ["), shown);
    assertTrue(shown.contains("] 2/2"), shown);
    assertTrue(shown.endsWith("\r"), "the line is cleared");
    assertFalse(r.report().toText().contains("lockkit: migrate:"), r.report().toText());
    assertEquals(1, r.report().rewrittenCount());
  }
}
