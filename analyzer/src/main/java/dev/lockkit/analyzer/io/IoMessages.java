package dev.lockkit.analyzer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

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

  /**
   * What is wrong with {@code file} as an input file of the given kind ({@code "rules file"}), or
   * {@code null} when it is a readable regular file: {@code F: no such file}, {@code F: is a
   * directory, not a rules file}, {@code F: not a regular file (a pipe, socket or device)}, {@code
   * F: permission denied}. Why before reading: a pipe would block the run forever, and "not found"
   * for a directory sends the user looking in the wrong place.
   */
  public static String inputProblem(Path file, String kind) {
    if (Files.isDirectory(file)) {
      return file + ": is a directory, not a " + kind;
    }
    if (!Files.exists(file)) {
      return file + ": no such file (" + kind + ")";
    }
    if (!Files.isRegularFile(file)) {
      return file + ": not a regular file (a pipe, socket or device), not a " + kind;
    }
    if (!Files.isReadable(file)) {
      return file + ": permission denied (" + kind + ")";
    }
    return null;
  }

  /** {@link #describe(IOException)} of the wrapped exception. */
  public static String describe(UncheckedIOException e) {
    return describe(e.getCause());
  }
}
