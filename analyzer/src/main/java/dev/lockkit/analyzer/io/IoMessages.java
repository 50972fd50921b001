package dev.lockkit.analyzer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an I/O failure into a sentence for the user. Why: Java's exceptions print as {@code
 * java.nio.file.NoSuchFileException: /x/y}, which reads like a crash of the tool, while the cause
 * is nearly always a path the user gave.
 */
public final class IoMessages {
  private IoMessages() {}

  /** {@code path: what is wrong}, one line, without exception class names. */
  public static String describe(IOException e) {
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (e instanceof FileSystemLoopException) {
      what = "symbolic link loop";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else if (e instanceof CharacterCodingException) {
      what = "not UTF-8 text";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      what = fs.getReason();
    } else {
      what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String line = file == null ? what : file + ": " + what;
    return line.lines().findFirst().orElse(line);
  }

  /** {@link #describe(IOException)} of the wrapped exception. */
  public static String describe(UncheckedIOException e) {
    return describe(e.getCause());
  }
}
