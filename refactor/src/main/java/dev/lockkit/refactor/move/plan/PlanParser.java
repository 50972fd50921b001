package dev.lockkit.refactor.move.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a move plan.
 *
 * <p>Grammar, one operation a line, {@code #} to end of line is a comment:
 *
 * <pre>
 *   move QUALIFIED.Type[#member[(ParamType, ...)]] to QUALIFIED.Destination
 * </pre>
 *
 * Parameter types may be simple or qualified, with generics and arrays and free spacing; they are
 * normalised (spaces removed, generics dropped) because overloads are told apart by erasure.
 */
public final class PlanParser {

  /** A string literal, escapes included. */
  private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";

  /**
   * A parameter list's text: anything but parentheses and quotes, string literals, and one level of
   * parentheses (a type-use annotation's arguments, {@code @N("x")}).
   */
  private static final String PARAMS =
      "(?:[^()\"]|" + STRING + "|\\((?:[^()\"]|" + STRING + ")*\\))*";

  private static final String NAME = "[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*";
  private static final Pattern MOVE =
      Pattern.compile(
          "move\\s+(?<type>"
              + NAME
              + ")(?:\\s*#\\s*(?<member>[A-Za-z_$][\\w$]*)\\s*(?:\\((?<params>"
              + PARAMS
              + ")\\))?)?"
              + "\\s+to\\s+(?<dest>"
              + NAME
              + ")\\s*");

  private PlanParser() {}

  /** Reads and parses {@code file}. */
  public static List<MoveOp> parse(Path file) throws PlanException {
    String problem = dev.lockkit.analyzer.io.IoMessages.inputProblem(file, "move plan");
    if (problem != null) {
      throw new PlanException(problem); // a pipe would block; a directory is not "missing"
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlanException(
          file
              + ": cannot read plan: "
              + dev.lockkit.analyzer.io.IoMessages.describe(e).replace(file + ": ", ""));
    }
    return parse(file.toString(), text);
  }

  /** Parses plan {@code text}; {@code name} is used in messages. */
  public static List<MoveOp> parse(String name, String text) throws PlanException {
    List<MoveOp> ops = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      int lineNo = i + 1;
      String verb = line.split("\\s+", 2)[0];
      if (!verb.equals("move")) {
        throw new PlanException(
            name + ":" + lineNo + ": unknown verb '" + verb + "' (the only verb is 'move')");
      }
      Matcher m = MOVE.matcher(line);
      if (!m.matches()) {
        throw new PlanException(
            name
                + ":"
                + lineNo
                + ": cannot parse '"
                + line
                + "' (expected: move pkg.Type[#member[(ParamType, ...)]] to pkg.Destination)");
      }
      List<String> params = null;
      if (m.group("params") != null) {
        params = params(m.group("params"));
      }
      ElementRef ref = new ElementRef(squash(m.group("type")), m.group("member"), params);
      String dest = squash(m.group("dest"));
      String refused = refusedDestination(dest);
      if (refused != null) {
        throw new PlanException(name + ":" + lineNo + ": destination " + dest + ": " + refused);
      }
      ops.add(new MoveOp(name, lineNo, ref, dest));
    }
    if (ops.isEmpty()) {
      throw new PlanException(name + ": plan has no operations");
    }
    return List.copyOf(ops);
  }

  /**
   * Why javac would refuse code declared at {@code dest}, or null: a segment that is a keyword or a
   * literal ({@code app.int.Loud}), {@code _}, or a package of the platform's own {@code java}
   * namespace, which only the JDK may declare ({@code java.lang.Loud}: "package exists in another
   * module").
   */
  static String refusedDestination(String dest) {
    for (String seg : dest.split("\\.")) {
      if (javax.lang.model.SourceVersion.isKeyword(seg, javax.lang.model.SourceVersion.RELEASE_17)
          || seg.equals("_")) {
        return "'" + seg + "' is a Java keyword, not a name javac accepts";
      }
    }
    if (dest.equals("java") || dest.startsWith("java.")) {
      return "packages under java. belong to the JDK; javac refuses other code in them";
    }
    return null;
  }

  /**
   * Cuts a trailing comment. '#' also joins type and member ({@code T#m}), so only a '#' at the
   * start of the line or after whitespace begins a comment.
   */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static List<String> params(String text) {
    List<String> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      // A comma inside type arguments, an annotation's arguments or a string is no separator.
      if (c == '"' && (cur.length() == 0 || cur.charAt(cur.length() - 1) != '\\')) {
        quoted = !quoted;
      } else if (quoted) {
        // inside a string literal
      } else if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(normalizeType(cur.toString()));
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    out.add(normalizeType(cur.toString()));
    return out;
  }

  /** Erasure-like form of a written type: no spaces, no generics, varargs as an array. */
  public static String normalizeType(String t) {
    // Annotations go first, while the space after one still ends its name: javac prints a type-use
    // annotated parameter as "java.lang.@a.Nullable String", which squashed would read as a type
    // "java.lang.@a.NullableString".
    String s = withoutAnnotations(t).replaceAll("\\s+", "");
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    String r = out.toString().replace("...", "[]");
    // Drop 'final' that a copied signature may carry.
    return r.replaceFirst("^final", "");
  }

  /** {@code t} without its annotations ({@code @a.B}, with arguments in parentheses, any depth). */
  private static String withoutAnnotations(String t) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '@') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      while (i < t.length()
          && (Character.isJavaIdentifierPart(t.charAt(i))
              || t.charAt(i) == '.'
              || Character.isWhitespace(t.charAt(i)) && continuesName(t, i))) {
        i++;
      }
      int j = i;
      while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
        j++;
      }
      if (j < t.length() && t.charAt(j) == '(') {
        int depth = 0;
        for (i = j; i < t.length(); i++) {
          if (t.charAt(i) == '(') {
            depth++;
          } else if (t.charAt(i) == ')' && --depth == 0) {
            i++;
            break;
          }
        }
      }
      out.append(' ');
    }
    return out.toString();
  }

  /** True if the blank at {@code i} lies inside a dotted name ("a . B"), not after its end. */
  private static boolean continuesName(String t, int i) {
    int before = i - 1;
    while (before >= 0 && Character.isWhitespace(t.charAt(before))) {
      before--;
    }
    int after = i;
    while (after < t.length() && Character.isWhitespace(t.charAt(after))) {
      after++;
    }
    return before >= 0 && after < t.length() && (t.charAt(before) == '.' || t.charAt(after) == '.');
  }

  private static String squash(String dotted) {
    return dotted.replaceAll("\\s+", "");
  }
}
