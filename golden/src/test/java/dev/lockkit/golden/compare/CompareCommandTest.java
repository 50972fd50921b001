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
    Path f = dir.resolve(sub).resolve(name);
    Files.createDirectories(f.getParent());
    return Files.writeString(f, text);
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
            + "2 files compared: 1 identical, 1 differ only in exploration, 0 added observation, 0 added"
            + " observation (outcome split), 0 differ in behaviour\n"
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

  /**
   * The real case: the approved files before page tables were shown had no {@code pte} lines. The
   * checkout's approved files with those lines stripped stand in for them (an old file built this
   * way may hold two equal outcomes where the real one had one; that changes only counts).
   */
  @Test
  void theCheckoutsApprovedFilesWithoutTheirPteLinesDifferOnlyByAnAddedObservation()
      throws Exception {
    Path approved = Path.of("..", "fixtures", "approved");
    assertTrue(Files.isDirectory(approved), "the checkout's fixtures/approved is the input");
    int files = 0;
    int withPte = 0;
    try (var s = Files.walk(approved)) {
      for (Path p :
          (Iterable<Path>) s.filter(f -> f.toString().endsWith(".approved.txt"))::iterator) {
        String text = Files.readString(p);
        String rel = approved.relativize(p).toString();
        String stripped = text.replaceAll("(?m)^pte .*\n", "");
        write("new", rel, text);
        write("old", rel, stripped);
        files++;
        withPte += stripped.equals(text) ? 0 : 1;
      }
    }
    assertTrue(withPte > 0, "some approved files show page-table entries");
    Result r = run("--approved", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("kinds of line in the new files and in no old file: pte\n"), r.out());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(\\d+) files compared: (\\d+) identical, 0 differ only in exploration, (\\d+) added"
                    + " observation, (\\d+) added observation \\(outcome split\\), 0 differ in"
                    + " behaviour\n0 behaviour differences in \\1 files\n$")
            .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(files, Integer.parseInt(m.group(1)));
    assertEquals(files - withPte, Integer.parseInt(m.group(2)));
    assertEquals(withPte, Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)));
    assertTrue(Integer.parseInt(m.group(4)) > 0, "pte lines split some outcomes: " + r.out());

    // The same, with one result changed in one old file: that file is behaviour, exit 1.
    Path one = null;
    try (var s = Files.list(dir.resolve("old"))) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (one == null
            && Files.isRegularFile(p)
            && !Files.readString(p)
                .equals(Files.readString(dir.resolve("new").resolve(p.getFileName())))) {
          one = p;
        }
      }
    }
    assertTrue(one != null);
    Files.writeString(one, Files.readString(one).replaceFirst("(?m)^(T\\d+: .*) = ", "$1 = X"));
    Result changed =
        run("--approved", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(1, changed.exit(), changed.out());
    assertTrue(changed.out().contains("BEHAVIOUR   " + one.getFileName()), changed.out());
  }
}
