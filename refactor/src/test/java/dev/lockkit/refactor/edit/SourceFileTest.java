package dev.lockkit.refactor.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines are counted as Java counts them, whatever the file's line ends. */
class SourceFileTest {

  @TempDir Path dir;

  private SourceFile file(String text) throws Exception {
    Path p = dir.resolve("A.java");
    Files.writeString(p, text);
    return SourceFile.read(p);
  }

  @Test
  void aLoneCarriageReturnEndsALine() throws Exception {
    SourceFile f = file("package p;\rclass A {\r  int x;\r}\r");
    assertEquals("int x;", f.text().substring(f.offset(3, 3), f.offset(3, 3) + 6));
    assertEquals(3, f.lineOf(f.offset(3, 3)));
  }

  @Test
  void crLfIsOneLineEndAndMixedEndsAreEachCounted() throws Exception {
    SourceFile f = file("a\r\nb\rc\nd");
    assertEquals('b', f.text().charAt(f.offset(2, 1)));
    assertEquals('c', f.text().charAt(f.offset(3, 1)));
    assertEquals('d', f.text().charAt(f.offset(4, 1)));
    assertEquals(4, f.lineOf(f.offset(4, 1)));
  }
}
