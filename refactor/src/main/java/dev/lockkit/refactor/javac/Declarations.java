package dev.lockkit.refactor.javac;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A Java source with the bodies of its methods and constructors replaced by {@code { throw null; }}
 * and its comments by a space:
 * what javac needs of a file it reads from the source path only to complete types (signatures,
 * fields with their initializers, nested types), without attributing code nobody asked about.
 *
 * <p>A character scanner, not a parser: it skips comments, string, text block and character
 * literals, and tracks braces. A {@code {} directly in a type body is a method or constructor body
 * when a {@code )} came before it since the last member boundary, no {@code =} did, and it does
 * not open a type ({@code class}, {@code interface}, {@code enum}, {@code record}) or an enum
 * constant's body; every other brace is kept with its contents. A source it cannot follow is
 * returned as it is: stripping only saves time, it is never needed.
 */
final class Declarations {

  private Declarations() {}

  private static final int TYPE = 0;
  private static final int ENUM = 1;
  private static final int OTHER = 2;

  static String strip(String src) {
    try {
      return scan(src, null);
    } catch (RuntimeException e) {
      return src;
    }
  }

  /**
   * The source with the bodies that spell none of {@code names} blanked out ({@link #stub}): the
   * same length and the same line ends, so every offset outside them stays where it was (javac's
   * positions must still match the original text), while javac has nearly nothing to attribute
   * there.
   */
  static String blank(String src, java.util.Set<String> names) {
    return blank(src, body -> names.stream().anyMatch(body::contains));
  }

  /**
   * As {@link #blank(String, java.util.Set)}, the bodies kept being those {@code keep} accepts
   * (given each body's text, braces included).
   */
  static String blank(String src, java.util.function.Predicate<String> keep) {
    try {
      return scan(src, keep);
    } catch (RuntimeException e) {
      return src;
    }
  }

  private static final java.util.regex.Pattern IMPORT =
      java.util.regex.Pattern.compile("\\s*import\\s+(static\\s+)?([\\p{L}\\p{N}_$.*\\s]+?)\\s*;");
  private static final java.util.regex.Pattern PACKAGE =
      java.util.regex.Pattern.compile("\\s*(?:@[\\s\\S]*?)?package\\s+[\\p{L}\\p{N}_$.\\s]+?;");

  /**
   * {@link #strip}'s declarations without the single-type imports (static or not) whose simple name
   * the rest of the text never spells: imports only the method bodies or the comments used. javac
   * resolves every import of a file it completes, and resolving a single-type import completes the
   * imported class (from the source path: parsing and entering its file, whose imports are resolved
   * in turn), so dead imports pull in a large part of a tree that the units never reach. A name the
   * text does not spell (the package's annotations included) cannot be resolved through the import,
   * so removing it changes no meaning. The import becomes spaces (line ends kept). A text with
   * Unicode escapes, or imports it cannot follow, is returned as it is.
   */
  static String withoutUnusedImports(String declarations) {
    if (declarations.indexOf('\\') >= 0 && declarations.contains("\\u")) {
      return declarations;
    }
    java.util.regex.Matcher m = PACKAGE.matcher(declarations);
    int at = m.lookingAt() ? m.end() : 0;
    // The package declaration's annotations (a package-info.java's) are resolved through the
    // imports too: their names count as spelled.
    int packageEnd = at;
    java.util.List<int[]> imports = new java.util.ArrayList<>();
    java.util.List<String> simple = new java.util.ArrayList<>();
    m = IMPORT.matcher(declarations);
    while (m.find(at) && m.start() == at) {
      String name = m.group(2).replaceAll("\\s+", "");
      if (!name.endsWith(".*")) {
        imports.add(new int[] {m.start(), m.end()});
        simple.add(name.substring(name.lastIndexOf('.') + 1));
      }
      at = m.end();
      while (at < declarations.length() && declarations.charAt(at) == ';') {
        at++; // a stray semicolon between imports
      }
    }
    if (imports.isEmpty()) {
      return declarations;
    }
    java.util.Set<String> spelled = new java.util.HashSet<>();
    int n = declarations.length();
    for (int i = 0; i < n; ) {
      if (i == packageEnd && at > packageEnd) {
        i = at; // the imports themselves spell every name
        continue;
      }
      char c = declarations.charAt(i);
      if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(declarations.charAt(j))) {
          j++;
        }
        spelled.add(declarations.substring(i, j));
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder out = new StringBuilder(declarations);
    for (int k = 0; k < imports.size(); k++) {
      if (!spelled.contains(simple.get(k))) {
        for (int i = imports.get(k)[0]; i < imports.get(k)[1]; i++) {
          if (out.charAt(i) != '\n' && out.charAt(i) != '\r') {
            out.setCharAt(i, ' ');
          }
        }
      }
    }
    return out.toString();
  }

  private static String scan(String s, java.util.function.Predicate<String> keep) {
    StringBuilder out = new StringBuilder(s.length());
    Deque<int[]> frames = new ArrayDeque<>(); // {kind, enumConstantsDone}
    boolean pendingType = false;
    boolean pendingEnum = false;
    boolean sawParen = false;
    boolean sawAssign = false;
    char prevSig = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int skip = literalOrComment(s, i);
      if (skip > i) {
        if (keep == null && c == '/') {
          // Declarations only: a comment becomes one space. javac's scanner would otherwise read
          // every Javadoc of every file it completes (measured: a large part of a task's time).
          out.append(' ');
        } else {
          out.append(s, i, skip);
        }
        i = skip;
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        String word = s.substring(i, j);
        if (prevSig != '.'
            && (word.equals("class")
                || word.equals("interface")
                || word.equals("enum")
                || word.equals("record"))) {
          pendingType = true;
          pendingEnum = word.equals("enum");
        }
        if (word.equals("default") && sawParen && !frames.isEmpty() && frames.peek()[0] != OTHER) {
          // An annotation element's default value ('String[] value() default {"a"};') is an
          // initializer, not a body: 'default' after the parameter list, unlike an interface's
          // default method, where it comes before.
          sawAssign = true;
        }
        out.append(word);
        prevSig = 'a';
        i = j;
        continue;
      }
      boolean typeLevel = !frames.isEmpty() && frames.peek()[0] != OTHER;
      if (c == '{') {
        int[] top = frames.peek();
        if (pendingType) {
          frames.push(new int[] {pendingEnum ? ENUM : TYPE, 0});
        } else if (top != null && top[0] == ENUM && top[1] == 0) {
          frames.push(new int[] {TYPE, 0}); // an enum constant's class body
        } else if (typeLevel && sawParen && !sawAssign) {
          int end = matchingBrace(s, i);
          if (keep == null) {
            out.append("{ throw null; }");
          } else {
            String body = s.substring(i, end + 1);
            out.append(keep.test(body) ? body : stub(s, i, end));
          }
          i = end + 1;
          pendingType = pendingEnum = sawParen = sawAssign = false;
          prevSig = '}';
          continue;
        } else {
          frames.push(new int[] {OTHER, 0});
        }
        pendingType = pendingEnum = sawParen = sawAssign = false;
        out.append(c);
        prevSig = c;
        i++;
        continue;
      }
      if (c == '}') {
        frames.pop();
        pendingType = pendingEnum = sawParen = sawAssign = false;
      } else if (typeLevel && c == ';') {
        if (frames.peek()[0] == ENUM) {
          frames.peek()[1] = 1;
        }
        pendingType = pendingEnum = sawParen = sawAssign = false;
      } else if (typeLevel && c == ')') {
        sawParen = true;
      } else if (typeLevel
          && c == '='
          && prevSig != '='
          && prevSig != '!'
          && prevSig != '<'
          && prevSig != '>') {
        sawAssign = true;
      }
      if (!Character.isWhitespace(c)) {
        prevSig = c;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** What a blanked body holds after its explicit constructor call, if any. */
  private static final String THROW = " throw null;";

  /**
   * The body {@code s[open..close]} (braces included) as javac can attribute it without errors of
   * its own, in exactly as many characters and line ends: an explicit constructor call it starts
   * with ({@code this(...);}, {@code super(...);}) kept as written, then {@code throw null;}, then
   * blanks, and its line ends last. A body left empty would give errors the original does not have
   * (a missing return, a final field left unassigned, an implicit {@code super()} the superclass
   * does not offer), and every such error forces the what-if's differential to attribute the tree
   * before the move once more. A body too short to hold the statement is kept as it is: javac then
   * attributes real code, which costs little and adds no error the original does not have.
   */
  private static String stub(String s, int open, int close) {
    int from = explicitCallEnd(s, open + 1, close);
    StringBuilder ends = new StringBuilder();
    int blanks = 0;
    for (int k = from; k < close; k++) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r') {
        ends.append(c);
      } else {
        blanks++;
      }
    }
    if (blanks < THROW.length()) {
      return s.substring(open, close + 1);
    }
    StringBuilder out = new StringBuilder(close + 1 - open);
    out.append(s, open, from).append(THROW);
    out.append(" ".repeat(blanks - THROW.length())).append(ends).append('}');
    return out.toString();
  }

  /**
   * The index just after an explicit constructor call ({@code this(...);} or {@code super(...);})
   * that the body starting at {@code from} opens with, or {@code from} when it does not open with
   * one.
   */
  private static int explicitCallEnd(String s, int from, int close) {
    int i = skipBlank(s, from, close);
    String word = null;
    for (String w : new String[] {"this", "super"}) {
      if (s.startsWith(w, i)
          && i + w.length() < close
          && !Character.isJavaIdentifierPart(s.charAt(i + w.length()))) {
        word = w;
      }
    }
    if (word == null) {
      return from;
    }
    i = skipBlank(s, i + word.length(), close);
    if (i >= close || s.charAt(i) != '(') {
      return from;
    }
    int depth = 0;
    while (i < close) {
      int skip = literalOrComment(s, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      char c = s.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ';' && depth == 0) {
        return i + 1;
      }
      i++;
    }
    return from;
  }

  /** The first index at or after {@code i} that is neither whitespace nor inside a comment. */
  private static int skipBlank(String s, int i, int close) {
    while (i < close) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.charAt(i) == '/' && literalOrComment(s, i) > i) {
        i = literalOrComment(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The index of the brace closing the one at {@code open}. */
  private static int matchingBrace(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      int skip = literalOrComment(s, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
      i++;
    }
    throw new IllegalStateException("unbalanced braces");
  }

  /** The end of a comment or literal starting at {@code i}, or {@code i} if none starts there. */
  private static int literalOrComment(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    if (c == '/' && d == '/') {
      int e = s.indexOf('\n', i);
      return e < 0 ? n : e;
    }
    if (c == '/' && d == '*') {
      int e = s.indexOf("*/", i + 2);
      if (e < 0) {
        throw new IllegalStateException("unterminated comment");
      }
      return e + 2;
    }
    if (c == '"' && s.startsWith("\"\"\"", i)) {
      int j = i + 3;
      while (true) {
        int e = s.indexOf("\"\"\"", j);
        if (e < 0) {
          throw new IllegalStateException("unterminated text block");
        }
        int bs = 0;
        for (int k = e - 1; k >= i + 3 && s.charAt(k) == '\\'; k--) {
          bs++;
        }
        if (bs % 2 == 0) {
          return e + 3;
        }
        j = e + 1;
      }
    }
    if (c == '"' || c == '\'') {
      int j = i + 1;
      while (j < n && s.charAt(j) != c) {
        if (s.charAt(j) == '\\') {
          j++;
        } else if (s.charAt(j) == '\n') {
          throw new IllegalStateException("unterminated literal");
        }
        j++;
      }
      return j + 1;
    }
    return i;
  }
}
