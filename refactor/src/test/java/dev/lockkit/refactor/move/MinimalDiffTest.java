package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimal-diff guarantee on the tab-indented, oddly formatted kernel-split fixture (and the
 * references fixture): files the move does not involve are byte-identical; in changed files every
 * line the diff touches is a moved member's line, an import, or a line whose only change is a
 * rewritten qualifier; every string literal and ordinary comment survives unchanged.
 */
class MinimalDiffTest {

  @TempDir Path tmp;

  private static final Pattern QUALIFIER =
      Pattern.compile("\\b(Loud|Words|VmaLock|Strings)(\\.|::)|\\bapp\\.util\\.Strings\\.");
  private static final Pattern LITERAL_OR_COMMENT =
      Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|//[^\\n]*|/\\*(?!\\*)[\\s\\S]*?\\*/");

  @Test
  void kernelSplitTouchesOnlyMovedLinesImportsAndQualifiers() throws Exception {
    Path k = FIXTURES.resolve("kernel-split");
    check("kernel-split", "--kconfig", k.resolve("Kconfig").toString());
  }

  @Test
  void referencesFixtureTouchesOnlyMovedLinesImportsAndQualifiers() throws Exception {
    check("references");
  }

  private void check(String fixture, String... options) throws Exception {
    Path before = FIXTURES.resolve(fixture).resolve("before");
    Path src = copy(before, tmp.resolve("src"));
    String[] args = new String[options.length + 3];
    args[0] = "--plan";
    args[1] = FIXTURES.resolve(fixture).resolve("plan").toString();
    System.arraycopy(options, 0, args, 2, options.length);
    args[args.length - 1] = src.toString();
    assertEquals(0, move(args).exit());
    Map<String, String> old = snapshot(before);
    Map<String, String> now = snapshot(src);
    StringBuilder allAfter = new StringBuilder();
    now.values().forEach(allAfter::append);
    String movedText = movedLines(old, now);
    StringBuilder oldText = new StringBuilder();
    for (String t : old.values()) {
      for (String l : t.split("\n")) {
        oldText.append(strip(l).strip()).append('\n');
      }
    }
    for (Map.Entry<String, String> e : old.entrySet()) {
      String was = e.getValue();
      String is = now.get(e.getKey());
      // Every literal and ordinary comment still exists somewhere (moved ones at the destination).
      Matcher m = LITERAL_OR_COMMENT.matcher(was);
      while (m.find()) {
        assertTrue(allAfter.indexOf(m.group().strip()) >= 0, "lost or changed: " + m.group());
      }
      if (was.equals(is)) {
        continue;
      }
      List<String> a = Arrays.asList(was.split("\n", -1));
      List<String> b = Arrays.asList(is.split("\n", -1));
      for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
        for (String line : d.getSource().getLines()) {
          boolean qualifierOnly =
              d.getType() == DeltaType.CHANGE
                  && d.getTarget().getLines().stream().anyMatch(t -> strip(t).equals(strip(line)));
          boolean moved = !line.isBlank() && movedText.contains(line.strip());
          boolean importLine = line.startsWith("import ");
          boolean javadocLink = line.contains("{@link");
          // A moved member's @IfConfig may be dropped where the destination implies it.
          boolean condition = line.strip().startsWith("@IfConfig");
          assertTrue(
              line.isBlank() || qualifierOnly || moved || importLine || javadocLink || condition,
              e.getKey() + ": unexpected change to line: " + line);
        }
        for (String line : d.getTarget().getLines()) {
          boolean qualifierOnly =
              d.getSource().getLines().stream().anyMatch(s -> strip(s).equals(strip(line)));
          // A moved line arrives re-indented, possibly with a qualifier added or removed.
          boolean movedIn = oldText.indexOf(strip(line).strip() + "\n") >= 0;
          boolean skeleton =
              line.matches(
                  "\\s*(public )?final class \\w+ \\{|\\s*private \\w+\\(\\) \\{\\}|\\}|package [\\w.]+;");
          assertTrue(
              line.isBlank()
                  || qualifierOnly
                  || movedIn
                  || skeleton
                  || line.startsWith("import ")
                  || line.contains("{@link")
                  || line.contains("@IfConfig("),
              e.getKey() + ": unexpected new line: " + line);
        }
      }
    }
  }

  private static String strip(String line) {
    return QUALIFIER.matcher(line).replaceAll("");
  }

  /** The text of files the move created or appended to, which is where moved lines must go. */
  private static String movedLines(Map<String, String> old, Map<String, String> now) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String was = old.get(e.getKey());
      if (was == null || e.getValue().length() > was.length()) {
        for (String l : e.getValue().split("\n")) {
          sb.append(l.strip()).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
