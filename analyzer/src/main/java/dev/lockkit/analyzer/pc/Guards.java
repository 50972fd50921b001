package dev.lockkit.analyzer.pc;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Java spellings of a presence condition, shared by the JavaParser extraction and the Spoon
 * variant materialiser so that both see exactly the same guards.
 *
 * <ul>
 *   <li>{@code @IfConfig("expr")} (any annotation with this simple name) on a type, method,
 *       constructor or field: the element exists only where {@code expr} holds;
 *   <li>{@code anything.isEnabled(X)} with one argument {@code X}, {@code Option.X}, {@code
 *       a.b.Option.X} or the string {@code "X"}: the Java {@code IS_ENABLED(CONFIG_X)};
 *   <li>{@code @VariantPoint} on a type: an API that needs exactly one implementation wherever it
 *       is used.
 * </ul>
 */
public final class Guards {
  /** Simple name of the presence-condition annotation. */
  public static final String IF_CONFIG = "IfConfig";

  /** Simple name of the variation-point annotation. */
  public static final String VARIANT_POINT = "VariantPoint";

  /** Name of the guard method. */
  public static final String IS_ENABLED = "isEnabled";

  private static final Pattern QUALIFIED =
      Pattern.compile(
          "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

  private Guards() {}

  /**
   * The option an {@code isEnabled} argument names, from its source text: the last segment of a
   * (qualified) name, or the content of a string literal; empty for anything else (a variable
   * holding an option is not a static guard).
   */
  public static Optional<String> optionOf(String argumentSource) {
    String s = argumentSource.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      String inner = s.substring(1, s.length() - 1);
      return QUALIFIED.matcher(inner).matches() ? Optional.of(inner) : Optional.empty();
    }
    if (!QUALIFIED.matcher(s).matches()) {
      return Optional.empty();
    }
    int dot = s.lastIndexOf('.');
    String last = s.substring(dot + 1);
    // A bare lower-case name is a variable, not an option constant: `isEnabled(opt)`.
    if (dot < 0 && !last.equals(last.toUpperCase(java.util.Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(last);
  }
}
