package dev.lockkit.golden.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new CompareCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int rc = cl.execute(args);
    return new Result(rc, out.toString(), err.toString());
  }

  private Path write(String sub, String name, String text) throws Exception {
    Path d = dir.resolve(sub);
    Files.createDirectories(d);
    return Files.writeString(d.resolve(name), text);
  }

  @Test
  void explorationOnlyChangesExitZeroAndSayNoBehaviourDifference() throws Exception {
    write("old", "a.V.approved.txt", FileComparisonTest.BASE);
    write(
        "new",
        "a.V.approved.txt",
        FileComparisonTest.BASE.replace("schedules: 117", "schedules: 99"));
    write("old", "b.V.approved.txt", FileComparisonTest.BASE);
    write("new", "b.V.approved.txt", FileComparisonTest.BASE);
    Result r = run("--approved", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "exploration a.V.approved.txt: schedules: 117 -> 99\n"
            + "2 files compared: 1 identical, 1 differ only in exploration, 0 differ in behaviour\n"
            + "0 behaviour differences in 2 files\n",
        r.out());
  }

  @Test
  void aBehaviourDifferenceExitsOne() throws Exception {
    write("old", "a.V.approved.txt", FileComparisonTest.BASE);
    write(
        "new",
        "a.V.approved.txt",
        FileComparisonTest.BASE.replace(
            "fault=0 path=vma_lock\nmaps", "fault=14 path=vma_lock\nmaps"));
    Result r = run("--approved", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(1, r.exit());
    assertTrue(
        r.out()
            .startsWith("BEHAVIOUR   a.V.approved.txt\n    behaviour: outcome no longer reached:"),
        r.out());
    assertTrue(r.out().endsWith("2 behaviour differences in 1 files\n"), r.out());
  }

  @Test
  void aMissingDirectoryOrMalformedFileIsBadInput() throws Exception {
    Result missing = run("--approved", dir.resolve("nope").toString(), dir.toString());
    assertEquals(2, missing.exit());
    assertEquals("error: " + dir.resolve("nope") + ": no such directory\n", missing.err());
    write("old", "a.V.approved.txt", FileComparisonTest.BASE);
    write("new", "a.V.approved.txt", "scenario: a\nvariant: V\n");
    Result bad = run("--approved", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(2, bad.exit());
    assertEquals("error: new a.V.approved.txt:2: no 'outcomes:' header line\n", bad.err());
    assertEquals("", bad.out());
  }
}
