package dev.lockkit.refactor.edit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The edits of one refactoring run across many files, applied all or nothing.
 *
 * <p>Implementation overview. Edits are recorded against the original text of each file and applied
 * back to front, so offsets never shift. Identical edits recorded twice (two rewrites asking for
 * the same import) collapse into one; any other overlap is a conflict, reported before anything is
 * written. {@link #write()} is a two-phase commit on the file system: phase one checks that every
 * file is still byte-identical to the snapshot the edits were computed from and writes each new
 * text to a temporary file beside its target; phase two renames the temporaries over the targets.
 * If a rename fails, the files already replaced are restored from the snapshot's bytes and created
 * files are deleted, so a run leaves either every file written or none.
 */
public final class ChangeSet {

  private final Map<Path, SourceFile> files = new TreeMap<>();
  private final Map<Path, List<TextEdit>> edits = new TreeMap<>();

  /** Records a replacement of {@code [start, end)} in {@code file}'s original text. */
  public ChangeSet replace(SourceFile file, int start, int end, String replacement) {
    if (end > file.text().length()) {
      throw new IllegalArgumentException(
          file.path() + ": span [" + start + ", " + end + ") beyond end of file");
    }
    files.putIfAbsent(file.path(), file);
    edits
        .computeIfAbsent(file.path(), p -> new ArrayList<>())
        .add(new TextEdit(start, end, replacement));
    return this;
  }

  /** Records an insertion at {@code offset}. */
  public ChangeSet insert(SourceFile file, int offset, String text) {
    return replace(file, offset, offset, text);
  }

  /** Records the creation of a new file with {@code content}; it must not exist when written. */
  public ChangeSet create(Path path, String content) {
    return replace(SourceFile.absent(path), 0, 0, content);
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  /** The files this change set touches, in path order. */
  public List<Path> paths() {
    return List.copyOf(edits.keySet());
  }

  /** The new text of every touched file, in path order. */
  public SortedMap<Path, String> result() throws EditException {
    SortedMap<Path, String> out = new TreeMap<>();
    for (Map.Entry<Path, List<TextEdit>> e : edits.entrySet()) {
      out.put(e.getKey(), apply(files.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  private static String apply(SourceFile file, List<TextEdit> recorded) throws EditException {
    // A set first: identical edits requested twice are one edit, not a conflict.
    List<TextEdit> sorted = new ArrayList<>(new LinkedHashSet<>(recorded));
    sorted.sort(TextEdit.ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      TextEdit a = sorted.get(i - 1);
      TextEdit b = sorted.get(i);
      if (a.overlaps(b)) {
        throw new EditException(
            file.path()
                + ":"
                + file.lineOf(b.start())
                + ": conflicting edits to the same text ("
                + describe(a)
                + " and "
                + describe(b)
                + ")");
      }
    }
    StringBuilder sb = new StringBuilder(file.text());
    for (int i = sorted.size() - 1; i >= 0; i--) {
      TextEdit t = sorted.get(i);
      sb.replace(t.start(), t.end(), t.replacement());
    }
    return sb.toString();
  }

  private static String describe(TextEdit t) {
    String r = t.replacement().replace("\n", "\\n");
    return "["
        + t.start()
        + ","
        + t.end()
        + ")->'"
        + (r.length() > 40 ? r.substring(0, 40) + "..." : r)
        + "'";
  }

  /**
   * A unified diff of every touched file (3 lines of context), paths shown relative to {@code base}
   * with {@code a/} and {@code b/} prefixes as git prints them; new files diff against {@code
   * /dev/null}.
   */
  public String unifiedDiff(Path base) throws EditException {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Path, String> e : result().entrySet()) {
      SourceFile file = files.get(e.getKey());
      String rel =
          base.toAbsolutePath()
              .normalize()
              .relativize(e.getKey().toAbsolutePath().normalize())
              .toString()
              .replace('\\', '/');
      List<String> before = lines(file.text());
      List<String> after = lines(e.getValue());
      Patch<String> patch = DiffUtils.diff(before, after);
      if (patch.getDeltas().isEmpty()) {
        continue;
      }
      String from = file.isNew() ? "/dev/null" : "a/" + rel;
      for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + rel, before, patch, 3)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\n", -1));
  }

  /**
   * Writes every touched file, or none. Throws {@link EditException} without writing anything if
   * edits conflict, a file changed on disk since it was read, a file to be created exists, or a
   * target is not writable.
   */
  public void write() throws EditException {
    SortedMap<Path, String> result = result();
    for (Path p : result.keySet()) {
      SourceFile f = files.get(p);
      try {
        if (!f.unchangedOnDisk()) {
          throw new EditException(
              p
                  + (f.isNew()
                      ? ": already exists; not overwriting it"
                      : ": changed on disk since it was read; not overwriting it"));
        }
      } catch (IOException e) {
        throw new EditException(p + ": cannot be read: " + e.getMessage(), e);
      }
      if (!f.isNew() && !Files.isWritable(p)) {
        throw new EditException(p + ": file is not writable");
      }
    }
    Map<Path, Path> temps = new LinkedHashMap<>();
    List<Path> done = new ArrayList<>();
    List<Path> createdDirs = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> e : result.entrySet()) {
        Path target = e.getKey();
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir, createdDirs);
        Path tmp = newTemp(dir, target);
        temps.put(target, tmp);
        Files.write(tmp, e.getValue().getBytes(StandardCharsets.UTF_8));
        copyPermissions(target, tmp);
      }
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        move(e.getValue(), e.getKey());
        done.add(e.getKey());
      }
    } catch (IOException e) {
      rollback(done);
      for (Path tmp : temps.values()) {
        deleteQuietly(tmp);
      }
      // Directories this write created are removed again (deepest first), so a failed write
      // leaves no empty package directory behind.
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        deleteQuietly(createdDirs.get(i));
      }
      throw new EditException("write failed, nothing changed: " + e.getMessage(), e);
    }
  }

  private void rollback(List<Path> replaced) {
    for (Path p : replaced) {
      byte[] original = files.get(p).originalBytes();
      try {
        if (original == null) {
          Files.deleteIfExists(p);
        } else {
          Files.write(p, original);
        }
      } catch (IOException ignored) {
        // Best effort: the original bytes are still in memory; nothing more can be done here.
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Creates {@code dir} and its missing parents, recording each one created, outermost first. */
  private static void createDirectories(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      created.add(d);
    }
  }

  /**
   * A new, empty temporary file beside {@code target}. Created like any ordinary file (not with
   * {@code Files.createTempFile}, which makes it 0600), so a new file gets the mode the user's
   * umask gives; a replaced file's mode is copied onto it afterwards.
   */
  private static Path newTemp(Path dir, Path target) throws IOException {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          dir.resolve(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(random.nextLong(), 36)
                  + ".lockkit-tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    if (Files.exists(from)
        && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // A stray temporary is harmless and clearly named.
    }
  }
}
