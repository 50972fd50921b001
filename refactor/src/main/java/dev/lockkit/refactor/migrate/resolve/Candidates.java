package dev.lockkit.refactor.migrate.resolve;

import dev.lockkit.refactor.source.Words;
import java.util.Set;

/**
 * The analysed files that can hold a site of the templates, chosen by a scan of their text (no
 * parse): only these are attributed by javac as units and parsed by JavaParser; every other file is
 * on javac's source path, read (declarations only) when a candidate needs one of its types.
 *
 * <p>A file is a candidate when its text has a Unicode escape, or holds every {@linkplain
 * AnchorWords#required() required word} of some before template, or any {@linkplain
 * AnchorWords#referenced() referenced name}; every file is one when a before template has no
 * required word ({@link AnchorWords#everyFile()}). Words are runs of Java identifier characters
 * anywhere in the text (comments and strings included: more candidates, never fewer); a required
 * string literal is looked for as written, quotes included.
 *
 * <p>Why that loses no site. A site is found only on a node of JavaParser's tree of the file: the
 * matcher tries the templates on expressions and statement runs, the sites-left search looks at
 * calls, method references, field accesses, names and {@code new} whose spelled name is a named
 * member's (a constructor: the constructed type's simple name). Each of those nodes is written in
 * the text with the name it is compared by, so a file without the name has no such node — unless
 * the name is spelled with a Unicode escape ({@code \u0065quals}), which JavaParser and javac
 * decode and a plain scan does not: such files are always candidates. Code that calls a member
 * without naming it has no node there: an implicit {@code super()} to a template's constructor, the
 * {@code iterator()} of an enhanced {@code for}, the {@code toString()} of a string concatenation,
 * an unboxing's {@code intValue()}; javac creates no tree for them that the matcher or the
 * sites-left search could see, and the report never listed them (nor an explicit {@code super(..)}
 * or {@code this(..)}, which is a statement, not one of those nodes). So the report of a run over
 * the candidates is the report of a run over every file.
 */
public final class Candidates {

  private final AnchorWords words;

  private Candidates(AnchorWords words) {
    this.words = words;
  }

  /** The candidates for the before templates of a template file's text. */
  public static Candidates of(String templateText) {
    return new Candidates(AnchorWords.of(templateText));
  }

  /** True if every file and every body can hold a site: no text need be scanned. */
  public boolean everyFile() {
    return words.everyFile();
  }

  /** True if a file of this text can hold a site (rewritten or left). */
  public boolean test(String text) {
    if (words.everyFile() || text.contains("\\u")) {
      return true;
    }
    Set<String> spelled = Words.of(text);
    for (String name : words.referenced()) {
      if (spelled.contains(name)) {
        return true;
      }
    }
    for (Set<String> required : words.required()) {
      boolean all = true;
      for (String w : required) {
        if (w.startsWith("\"") ? !text.contains(w) : !spelled.contains(w)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
