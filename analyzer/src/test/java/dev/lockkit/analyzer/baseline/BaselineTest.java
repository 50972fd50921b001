package dev.lockkit.analyzer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @TempDir Path dir;

  private static Finding f(String rule, String key, int line, String message) {
    return Finding.of(rule, Severity.ERROR, new Location("A.java", line, 1), message, key);
  }

  @Test
  void writtenBaselineIsSortedAndByteIdenticalWhateverTheFindingOrder() throws Exception {
    Finding a = f("cycle/package", "x, y", 3, "m");
    Finding b = f("layer/forbidden", "package a -> b", 9, "m");
    Baseline.of(List.of(b, a, b)).write(dir.resolve("one"));
    Baseline.of(List.of(a, b)).write(dir.resolve("two"));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("one")), Files.readAllBytes(dir.resolve("two")));
    List<String> lines = Files.readAllLines(dir.resolve("one"));
    assertEquals(
        List.of("cycle/package|x, y", "layer/forbidden|package a -> b"),
        lines.stream().filter(l -> !l.startsWith("#")).toList());
  }

  @Test
  void baselineSuppressesKnownFindingsEvenWhenLinesAndMessagesChange() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Baseline.of(List.of(f("cycle/package", "x, y", 3, "old text"))).write(file);
    Baseline known = Baseline.read(file);
    Finding moved = f("cycle/package", "x, y", 40, "new text");
    Finding fresh = f("cycle/package", "x, z", 3, "old text");
    assertEquals(List.of(fresh), known.newFindings(List.of(moved, fresh)));
  }

  @Test
  void aLineThatIsNotAKeyIsAnErrorAtItsLine() throws Exception {
    Path file = dir.resolve("b.txt");
    java.nio.file.Files.writeString(file, "# header\ncycle/package|x, y\nnot a key\n");
    Baseline.FormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Baseline.FormatException.class, () -> Baseline.read(file));
    assertEquals(
        file + ":3: not a baseline line (expected rule|key, as --write-baseline writes it)",
        e.getMessage());
  }
}
