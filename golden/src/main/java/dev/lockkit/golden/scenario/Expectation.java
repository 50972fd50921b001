package dev.lockkit.golden.scenario;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A declared outcome of a scenario, jcstress style: a grade, a pattern that recognises the outcome
 * and a description. In {@code .scn}: {@code outcome GRADE /REGEX/ DESCRIPTION}.
 *
 * <p>The pattern is a Java regular expression searched ({@code find}, multi-line mode: {@code ^}
 * and {@code $} match at line ends) in the outcome text, which is each task's result lines ({@code
 * T1: fault 0x10000 read user = OK fault=0 path=vma_lock}) plus the target's snapshot, or {@code
 * FAILURE <kind>: <message>} for a failed schedule. A regex rather than an exact text because the
 * outcome text includes the whole final address space, which a declaration should not repeat.
 *
 * @param grade how the outcome is judged
 * @param regex the pattern's source text
 * @param description why the outcome is (or is not) allowed; never empty
 */
public record Expectation(Grade grade, String regex, String description) {

  /** The grades of jcstress, in the spelling of the {@code .scn} format. */
  public enum Grade {
    /** Allowed and expected. */
    ACCEPTABLE,
    /** Allowed, and worth pointing out (a rare but legal interleaving). */
    INTERESTING,
    /** Must never happen: reaching it fails the run with the schedule that replays it. */
    FORBIDDEN;

    /** The {@code .scn} spelling. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The grade spelled {@code text}; an {@link IllegalArgumentException} names the known ones. */
    public static Grade parse(String text) {
      for (Grade g : values()) {
        if (g.text().equals(text)) {
          return g;
        }
      }
      throw new IllegalArgumentException(
          "unknown grade '" + text + "' (known: acceptable, interesting, forbidden)");
    }
  }

  /** Validates the pattern and description. */
  public Expectation {
    Objects.requireNonNull(grade, "grade");
    if (regex.isEmpty()) {
      throw new IllegalArgumentException("empty outcome pattern //");
    }
    try {
      Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "bad outcome pattern /" + regex + "/: " + e.getDescription());
    }
    description = description.strip();
    if (description.isEmpty()) {
      throw new IllegalArgumentException(
          "outcome /" + regex + "/ needs a description after the pattern");
    }
  }

  /** Whether this declaration recognises an outcome whose text is {@code outcomeText}. */
  public boolean matches(String outcomeText) {
    // Compiled per call: declarations are few and matched once per distinct outcome.
    return Pattern.compile(regex, Pattern.MULTILINE).matcher(outcomeText).find();
  }

  /** The {@code .scn} line, without indentation. */
  public String toText() {
    return "outcome " + grade.text() + " /" + regex.replace("/", "\\/") + "/ " + description;
  }

  /**
   * Parses the part of an {@code outcome} line after the keyword: {@code GRADE /REGEX/
   * DESCRIPTION}. A {@code /} inside the pattern is written {@code \/}.
   */
  public static Expectation parse(String text) {
    String t = text.strip();
    int space = t.indexOf(' ');
    if (t.isEmpty() || space < 0) {
      throw new IllegalArgumentException(
          "expected 'outcome GRADE /REGEX/ DESCRIPTION', got 'outcome " + t + "'");
    }
    Grade grade = Grade.parse(t.substring(0, space));
    String rest = t.substring(space + 1).strip();
    if (!rest.startsWith("/")) {
      throw new IllegalArgumentException(
          "expected the outcome pattern between slashes after '"
              + grade.text()
              + "', e.g. /path=vma_lock/, got '"
              + rest
              + "'");
    }
    StringBuilder regex = new StringBuilder();
    int i = 1;
    for (; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == '/') {
        regex.append('/');
        i++;
      } else if (c == '/') {
        break;
      } else {
        regex.append(c);
      }
    }
    if (i >= rest.length()) {
      throw new IllegalArgumentException(
          "unterminated outcome pattern '" + rest + "': close it with '/'");
    }
    return new Expectation(grade, regex.toString(), rest.substring(i + 1));
  }
}
