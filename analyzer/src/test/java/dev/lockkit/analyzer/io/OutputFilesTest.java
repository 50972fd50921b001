package dev.lockkit.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void replacedFileKeepsItsMode() throws Exception {
    assumeTrue(posix(), "POSIX modes only");
    Path f = Files.writeString(dir.resolve("report.txt"), "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    OutputFiles.write(f, "new");
    assertEquals("new", Files.readString(f));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void newFileGetsTheModeAnOrdinaryNewFileGets() throws Exception {
    assumeTrue(posix(), "POSIX modes only");
    // What the umask gives a file created the ordinary way, in the same directory.
    Files.newOutputStream(dir.resolve("probe")).close();
    String expected =
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("probe")));
    Path f = dir.resolve("new/report.txt");
    OutputFiles.write(f, "x");
    assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertTrue(expected.startsWith("rw-"), expected);
  }

  @Test
  void aBadTargetWritesNoneOfTheFiles() throws Exception {
    Files.writeString(dir.resolve("plain"), "x");
    OutputFiles out = new OutputFiles();
    out.add(dir.resolve("sub/a.txt"), "a");
    out.add(dir.resolve("plain/b.txt"), "b");
    OutputException e = assertThrows(OutputException.class, out::commit);
    assertTrue(e.getMessage().contains("plain/b.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("sub")), "no directory created");
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("plain")), s.toList());
    }
  }

  @Test
  void theSameFileNamedTwiceIsRefused() throws Exception {
    OutputFiles out = new OutputFiles();
    out.add(dir.resolve("a.txt"));
    OutputException e =
        assertThrows(OutputException.class, () -> out.add(dir.resolve("x/../a.txt")));
    assertTrue(e.getMessage().contains("named twice"), e.getMessage());
  }

  @Test
  void aDirectoryTargetIsSaidInTheUsersTerms() {
    OutputException e = assertThrows(OutputException.class, () -> OutputFiles.check(dir));
    assertEquals(dir + ": is a directory, not a file", e.getMessage());
  }

  @Test
  void ioMessagesNameThePathWithoutExceptionClassNames() {
    String m = IoMessages.describe(new java.nio.file.NoSuchFileException("/x/y"));
    assertEquals("/x/y: no such file or directory", m);
    assertFalse(
        IoMessages.describe(new IOException("disk full")).contains("Exception"), "plain message");
  }
}
