package dev.lockkit.refactor.move;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.EditException;
import dev.lockkit.refactor.edit.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a move: the {@link ChangeSet} plus the files that type moves leave behind, all or nothing.
 *
 * <p>The change set cannot delete files, so deletions come first: each file to delete is checked to
 * be unchanged since it was read, then removed while its bytes stay in memory; then the change set
 * writes (itself all or nothing). If that fails, the deleted files are written back from memory, so
 * the tree is as it was.
 */
final class MoveWriter {

  private MoveWriter() {}

  static void write(ChangeSet changes, List<SourceFile> deletions) throws EditException {
    for (SourceFile f : deletions) {
      try {
        if (!f.unchangedOnDisk()) {
          throw new EditException(
              f.path() + ": changed on disk since it was read; not deleting it");
        }
      } catch (IOException e) {
        throw new EditException(f.path() + ": cannot be read: " + e.getMessage(), e);
      }
    }
    changes.result(); // conflicting edits are reported before anything is touched
    List<SourceFile> deleted = new ArrayList<>();
    try {
      for (SourceFile f : deletions) {
        Files.delete(f.path());
        deleted.add(f);
      }
      changes.write();
    } catch (IOException | EditException e) {
      for (SourceFile f : deleted) {
        try {
          Files.write(f.path(), f.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // Best effort: the message below says the write failed.
        }
      }
      throw e instanceof EditException ee
          ? ee
          : new EditException("write failed, nothing changed: " + e.getMessage(), e);
    }
  }

  /** The change set's diff followed by one deletion diff per deleted file. */
  static String diff(ChangeSet changes, List<SourceFile> deletions, Path base)
      throws EditException {
    StringBuilder out = new StringBuilder(changes.unifiedDiff(base));
    for (SourceFile f : deletions) {
      String rel = MoveReport.rel(base, f.path());
      List<String> before = Arrays.asList(f.text().split("\n", -1));
      var patch = DiffUtils.diff(before, List.<String>of());
      for (String line :
          UnifiedDiffUtils.generateUnifiedDiff("a/" + rel, "/dev/null", before, patch, 3)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
