package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long what-if shows its steps on a progress bar (stderr, terminals only), like analyze. */
class MoveProgressTest {

  @TempDir Path tmp;

  private Path tree() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return 1; }\n}\n");
    write(src, "b/U.java", "package b;\n\npublic class U {\n  int h() { return a.T.f(); }\n}\n");
    Files.writeString(tmp.resolve("plan"), "move a.T#f to c.F\n");
    return src;
  }

  @Test
  void theBarNamesEachStepAndIsClearedAtTheEnd() throws Exception {
    Path src = tree();
    StringWriter sw = new StringWriter();
    Progress bar = Progress.always(new PrintWriter(sw, true));
    MoveEngine.plan(
        new MoveEngine.Request(tmp.resolve("plan"), List.of(src), null, null, false, Set.of()),
        bar);
    bar.done(); // as the command does once the what-if is over
    String drawn = sw.toString();
    for (String step :
        List.of(
            "move: parsing",
            "move: javac resolving references",
            "move: rewriting",
            "move: javac checking the result",
            "move: graph rules")) {
      assertTrue(drawn.contains("lockkit: " + step + " ["), drawn);
    }
    assertTrue(drawn.endsWith("\r"), "the bar is cleared: " + drawn);
  }

  @Test
  void aRedirectedStderrGetsNoBar() throws Exception {
    Path src = tree();
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("plan").toString(), "--dry-run", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("\r"), r.err());
  }
}
