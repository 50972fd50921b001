package dev.lockkit.refactor.edit;

import java.util.Comparator;
import java.util.Objects;

/**
 * Replace the characters {@code [start, end)} of a file's original text with {@code replacement}.
 * An insertion has {@code start == end}; a deletion has an empty replacement. Offsets index the
 * decoded text as read by {@link SourceFile}, never an already edited version, so edits made by
 * independent parts of a refactoring compose without shifting each other.
 */
public record TextEdit(int start, int end, String replacement) {

  /** Edits in file order; an insertion sorts before a replacement starting at the same offset. */
  public static final Comparator<TextEdit> ORDER =
      Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end);

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    Objects.requireNonNull(replacement, "replacement");
  }

  /** True if the two edits touch a common character (two insertions at one point also overlap). */
  public boolean overlaps(TextEdit o) {
    if (start == end && o.start == o.end) {
      return start == o.start;
    }
    return start < o.end && o.start < end;
  }
}
