package dev.lockkit.analyzer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the output files of one run together: every target is checked first ({@link #check}), then
 * each file's content goes to a temporary file beside its target, and only when all of them are
 * written are they renamed into place. A failure before the renames leaves no file changed and no
 * debris (temporary files and the directories this run created are removed). The renames themselves
 * are not one transaction, but a rename within one directory of a file already written there fails
 * only if the file system does, so in practice the run is all or nothing.
 *
 * <p>Modes: a temporary file is created the way any new file is, so a new file gets the mode the
 * user's umask gives ({@code Files.createTempFile} would give 0600); a file that is replaced keeps
 * its own mode (copied onto the temporary file before the rename).
 *
 * <pre>{@code
 * OutputFiles out = new OutputFiles();
 * out.add(Path.of("b.txt"), baselineText);
 * out.add(Path.of("report.json"), json);
 * out.check();   // before the analysis, so a bad path costs nothing
 * ...
 * out.commit();  // all or nothing
 * }</pre>
 */
public final class OutputFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<Path, String> files = new LinkedHashMap<>();
  private final Map<Path, Path> given = new LinkedHashMap<>();

  /** Registers a target; its content can be set later with {@link #set}. */
  public OutputFiles add(Path target) throws OutputException {
    Path abs = target.toAbsolutePath().normalize();
    if (given.containsKey(abs)) {
      throw new OutputException(
          target + ": named twice as an output (" + given.get(abs) + " is the same file)", null);
    }
    given.put(abs, target);
    return this;
  }

  /** Registers a target with its content. */
  public OutputFiles add(Path target, String content) throws OutputException {
    add(target);
    return set(target, content);
  }

  /** Sets the content of a registered target. */
  public OutputFiles set(Path target, String content) {
    Path abs = target.toAbsolutePath().normalize();
    if (!given.containsKey(abs)) {
      throw new IllegalArgumentException("not a registered output: " + target);
    }
    files.put(abs, content);
    return this;
  }

  /**
   * Checks every registered target without writing: it is not a directory, an existing file is
   * writable, and its directory exists and is writable, or can be created (no path component is a
   * file).
   */
  public void check() throws OutputException {
    for (Map.Entry<Path, Path> e : given.entrySet()) {
      check(e.getKey(), e.getValue());
    }
  }

  /** Checks one target as {@link #check()} does. */
  public static void check(Path target) throws OutputException {
    check(target.toAbsolutePath().normalize(), target);
  }

  private static void check(Path abs, Path shown) throws OutputException {
    if (Files.isDirectory(abs)) {
      throw new OutputException(shown + ": is a directory, not a file", null);
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs)) {
      throw new OutputException(shown + ": exists and is not a regular file", null);
    }
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      throw new OutputException(shown + ": file is not writable", null);
    }
    Path dir = abs.getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new OutputException(shown + ": no existing directory above it", null);
    }
    if (!Files.isDirectory(dir)) {
      throw new OutputException(shown + ": " + dir + " is a file, not a directory", null);
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException(shown + ": directory " + dir + " is not writable", null);
    }
  }

  /**
   * Writes every registered file (each must have content), all or nothing; see the class comment.
   */
  public void commit() throws OutputException {
    check();
    List<Path> createdDirs = new ArrayList<>();
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, Path> e : given.entrySet()) {
        Path abs = e.getKey();
        String content = files.get(abs);
        if (content == null) {
          throw new IllegalStateException("no content for " + e.getValue());
        }
        createDirectories(abs.getParent(), createdDirs, e.getValue());
        temps.put(abs, writeTemp(abs, content, e.getValue()));
      }
      for (Map.Entry<Path, Path> t : temps.entrySet()) {
        move(t.getValue(), t.getKey(), given.get(t.getKey()));
      }
    } catch (OutputException e) {
      cleanUp(temps.values(), createdDirs);
      throw e;
    } catch (RuntimeException e) {
      cleanUp(temps.values(), createdDirs);
      throw e;
    }
  }

  /** Writes one file as {@link #commit()} writes a run. */
  public static void write(Path target, String content) throws OutputException {
    new OutputFiles().add(target, content).commit();
  }

  private static void createDirectories(Path dir, List<Path> created, Path shown)
      throws OutputException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      try {
        Files.createDirectory(d);
        created.add(d);
      } catch (FileAlreadyExistsException e) {
        // created meanwhile by someone else: fine if it is a directory
        if (!Files.isDirectory(d)) {
          throw new OutputException(shown + ": " + d + " is a file, not a directory", e);
        }
      } catch (IOException e) {
        throw new OutputException(
            shown + ": cannot create directory: " + IoMessages.describe(e), e);
      }
    }
  }

  private static Path writeTemp(Path target, String content, Path shown) throws OutputException {
    Path dir = target.getParent();
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          dir.resolve(
              "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36));
      // CREATE_NEW, not createTempFile: a new file gets 0666 minus the umask, like any file the
      // user's tools create; createTempFile would make it 0600.
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 8) {
          continue;
        }
        throw new OutputException(shown + ": cannot create a temporary file beside it", e);
      } catch (IOException e) {
        deleteQuietly(tmp);
        throw new OutputException(shown + ": cannot write: " + IoMessages.describe(e), e);
      }
      try {
        keepMode(target, tmp);
      } catch (IOException e) {
        deleteQuietly(tmp);
        throw new OutputException(
            shown + ": cannot keep the file's mode: " + IoMessages.describe(e), e);
      }
      return tmp;
    }
  }

  /** Gives {@code tmp} the permissions of the existing {@code target}, on POSIX file systems. */
  private static void keepMode(Path target, Path tmp) throws IOException {
    if (!Files.exists(target)
        || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
    Files.setPosixFilePermissions(tmp, mode);
  }

  private static void move(Path tmp, Path target, Path shown) throws OutputException {
    try {
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new OutputException(shown + ": cannot write: " + IoMessages.describe(e), e);
    }
  }

  private static void cleanUp(Iterable<Path> temps, List<Path> createdDirs) {
    for (Path t : temps) {
      deleteQuietly(t);
    }
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      deleteQuietly(createdDirs.get(i));
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: the original error is what the user needs to see
    }
  }
}
