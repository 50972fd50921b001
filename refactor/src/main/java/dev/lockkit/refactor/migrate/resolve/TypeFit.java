package dev.lockkit.refactor.migrate.resolve;

import java.util.List;
import java.util.Map;

/**
 * javac's answer to "does code of this type fit this placeholder's declared type", in lockkit's own
 * terms (the javac task is let go before matching): it fits, binding the template's type variables
 * to the types javac prints, or it does not, with the reason.
 */
public sealed interface TypeFit {

  /** Fits without binding anything. */
  Fits PLAIN = new Fits(Map.of(), List.of());

  /** Does not fit; no more to say than the two types. */
  NoFit NO = new NoFit("");

  /**
   * It fits.
   *
   * @param bindings type variable name to the type javac gives it here, as {@link #print} prints it
   * @param deferred bounds that name another type variable of the rule ({@code T extends S}),
   *     checked against that variable's binding when the match is complete
   */
  record Fits(Map<String, String> bindings, List<Deferred> deferred) implements TypeFit {}

  /** It does not fit; {@code why} is a suffix for the message (may be empty). */
  record NoFit(String why) implements TypeFit {}

  /**
   * Type variable {@code bound} of the rule must be bound to one of {@code supertypes} (the printed
   * types {@code variable}'s binding is assignable to: itself and every supertype).
   */
  record Deferred(String variable, String bound, List<String> supertypes) {}

  /**
   * A printed type in one form for javac's and JavaParser's printers (javac writes no space after a
   * type argument's comma), without type-use annotations: they are no part of the type (JLS 4.11),
   * and javac prints them ({@code com.google.common.base.@org.jspecify.annotations.Nullable
   * Equivalence<java.lang.Object>}), so Guava's {@code @Nullable} fields bound type variables to
   * types nothing else equalled.
   */
  static String print(String type) {
    if (type.indexOf('@') >= 0) {
      // 'java.lang.String @N []' loses its annotation and the space before the brackets with it.
      type = TYPE_ANNOTATION.matcher(type).replaceAll("").replaceAll("\\s+\\[", "[");
    }
    return type.replace(", ", ",");
  }

  /**
   * A type annotation as javac prints it: qualified name, any arguments (string and character
   * literals in them may hold parentheses: {@code @N(")")}), one space after.
   */
  java.util.regex.Pattern TYPE_ANNOTATION =
      java.util.regex.Pattern.compile(
          "@[\\w.$]+(\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^()\"'])*\\))?\\s+");
}
