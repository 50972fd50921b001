package dev.lockkit.refactor.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A snapshot of one file as read before a refactoring: its exact bytes (to detect a change on disk
 * before writing) and its UTF-8 text (which edits index). A file that is not valid UTF-8 is refused
 * rather than decoded lossily, because writing it back would change bytes nobody edited.
 */
public final class SourceFile {

  private final Path path;
  private final byte[] bytes;
  private final String text;
  private int[] lineStarts;

  private SourceFile(Path path, byte[] bytes, String text) {
    this.path = path;
    this.bytes = bytes;
    this.text = text;
  }

  /** Reads {@code path}; fails with a message naming the file if it is not valid UTF-8. */
  public static SourceFile read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new SourceFile(path, bytes, text);
    } catch (CharacterCodingException e) {
      throw new IOException(path + ": not valid UTF-8; refusing to rewrite it", e);
    }
  }

  /** A snapshot of a file that does not exist yet (a refactoring creates it). */
  public static SourceFile absent(Path path) {
    return new SourceFile(path, null, "");
  }

  public Path path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** True if this snapshot stands for a file to be created. */
  public boolean isNew() {
    return bytes == null;
  }

  /** True if the file on disk is still exactly what was read (or still absent, for a new file). */
  public boolean unchangedOnDisk() throws IOException {
    if (bytes == null) {
      return !Files.exists(path);
    }
    return Files.isRegularFile(path) && Arrays.equals(bytes, Files.readAllBytes(path));
  }

  /** The original bytes, for restoring the file after a failed write. */
  byte[] originalBytes() {
    return bytes == null ? null : bytes.clone();
  }

  /** The text offset of a 1-based line and column (columns count characters; a tab is one). */
  public int offset(int line, int column) {
    int[] starts = lineStarts();
    if (line < 1 || line > starts.length) {
      throw new IllegalArgumentException(path + ": no line " + line);
    }
    return Math.min(starts[line - 1] + column - 1, text.length());
  }

  /** The 1-based line of a text offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts(), offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /**
   * Where each line starts. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as the
   * Java language (JLS 3.4), JavaParser and javac count lines: positions they report in a file with
   * old Mac line ends must land on the same text here.
   */
  private int[] lineStarts() {
    if (lineStarts == null) {
      int[] starts = new int[16];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean end =
            c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
        if (end) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i + 1;
        }
      }
      lineStarts = Arrays.copyOf(starts, n);
    }
    return lineStarts;
  }
}
