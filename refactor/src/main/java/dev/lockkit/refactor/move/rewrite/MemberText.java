package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.comments.Comment;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.util.List;

/**
 * The text a moved member takes with it: whole lines from its first leading comment (Javadoc, or
 * line and block comments directly above it) to the end of its last line.
 *
 * <p>Whole lines, so the origin keeps no stray indentation and the destination gets the member's
 * comments, annotations and odd formatting exactly as written. A comment counts as the member's
 * when only whitespace separates it from the member (or from a comment already taken); a blank line
 * in between means it belongs to something else and stays.
 *
 * @param start offset of the first character of the first line taken
 * @param end offset just past the line break of the last line taken (or end of text)
 * @param declStart offset of the declaration itself (first annotation or modifier)
 * @param indent the whitespace before the declaration on its line
 */
public record MemberText(ParsedFile file, int start, int end, int declStart, String indent) {

  /** Computes the span of {@code decl} in {@code file}. */
  public static MemberText of(ParsedFile file, BodyDeclaration<?> decl) {
    String text = file.source().text();
    int declStart = file.begin(decl);
    int first = declStart;
    List<Comment> comments = file.comments();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Comment c : comments) {
        if (c.getEnd().isEmpty()) {
          continue;
        }
        int cEnd = file.end(c);
        int cStart = file.begin(c);
        if (cEnd <= first && onlySpaceWithOneBreak(text, cEnd, first) && cStart < first) {
          first = cStart;
          grew = true;
        }
      }
    }
    int lineStart = first;
    while (lineStart > 0
        && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
      lineStart--;
    }
    if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
      lineStart = first; // something else precedes it on the line: take from the comment only
    }
    int end = file.end(decl);
    int e = end;
    while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
      e++;
    }
    if (e < text.length() && text.charAt(e) == '\r') {
      e++;
    }
    if (e < text.length() && text.charAt(e) == '\n') {
      end = e + 1;
    }
    int ls = declStart;
    while (ls > 0 && text.charAt(ls - 1) != '\n') {
      ls--;
    }
    String indent = text.substring(ls, declStart);
    if (!indent.isBlank()) {
      indent = indent.replaceAll("\\S.*", "");
    }
    return new MemberText(file, lineStart, end, declStart, indent);
  }

  /** True if {@code [from, to)} is whitespace with at most one line break. */
  private static boolean onlySpaceWithOneBreak(String text, int from, int to) {
    int breaks = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        breaks++;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return breaks <= 1;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }

  /**
   * The span to delete for the member lines {@code [s, e)} of {@code text}: those lines plus one
   * blank line that separated them from the code before (or, for a first member, after), so the
   * spacing between the remaining neighbours stays as it was.
   */
  public static int[] deletion(String text, int s, int e) {
    if (s > 0) {
      int p = s - 1;
      while (p > 0 && text.charAt(p - 1) != '\n') {
        p--;
      }
      if (p > 0 && text.substring(p, s).isBlank()) {
        return new int[] {p, e};
      }
    }
    int q = e;
    while (q < text.length() && text.charAt(q) != '\n') {
      q++;
    }
    if (q < text.length() && e < text.length() && text.substring(e, q).isBlank()) {
      return new int[] {s, q + 1};
    }
    return new int[] {s, e};
  }
}
