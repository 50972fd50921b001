package dev.lockkit.analyzer.pc;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which Java spellings are presence conditions: the one class both the JavaParser extraction
 * (gating) and the Spoon variant materialiser ask, so that both see exactly the same guards.
 *
 * <ul>
 *   <li>a <b>condition annotation</b>, e.g. {@code @IfConfig("expr")}, on a type, method,
 *       constructor or field: the element exists only where {@code expr} holds;
 *   <li>a <b>guard method</b>, e.g. {@code config.isEnabled(Option.X)}, with one argument {@code
 *       X}, {@code Option.X}, {@code a.b.Option.X} or the string {@code "X"}: the Java {@code
 *       IS_ENABLED(CONFIG_X)};
 *   <li>{@code @VariantPoint} on a type: an API that needs exactly one implementation wherever it
 *       is used.
 * </ul>
 *
 * <p>Both are known by their <b>fully qualified</b> names, never by a simple name alone: an
 * annotation must resolve (through the file's imports and package) to a declared condition
 * annotation, and a guard call's receiver must have the declaring type (or a subtype of it), so
 * {@code log.isEnabled(Level.DEBUG)} on a Log4j logger is ordinary code. lockcore's {@code
 * dev.lockkit.lockcore.config.IfConfig} and {@code dev.lockkit.lockcore.config.Config#isEnabled}
 * are the {@link #defaults()}; a project declares its own once, in its rules file ({@code
 * condition-annotation} and {@code guard-method} lines, see analyzer/README.md).
 */
public final class Guards {
  /**
   * Simple name of lockcore's presence-condition annotation. Only for code that has not moved to
   * {@link #isConditionAnnotation}: matching by simple name alone is what this class replaces.
   */
  public static final String IF_CONFIG = "IfConfig";

  /** Simple name of the variation-point annotation. */
  public static final String VARIANT_POINT = "VariantPoint";

  /** Name of lockcore's guard method; see {@link #IF_CONFIG} for the caveat. */
  public static final String IS_ENABLED = "isEnabled";

  /** lockcore's condition annotation. */
  public static final String LOCKCORE_ANNOTATION = "dev.lockkit.lockcore.config.IfConfig";

  /** lockcore's guard method, {@code TYPE#method}. */
  public static final String LOCKCORE_GUARD = "dev.lockkit.lockcore.config.Config#isEnabled";

  private static final String IDENT =
      "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  private static final Pattern QUALIFIED = Pattern.compile(IDENT + "(\\." + IDENT + ")*");
  private static final Pattern METHOD = Pattern.compile(IDENT + "(\\." + IDENT + ")*#" + IDENT);

  private static final Guards DEFAULTS = of(List.of(LOCKCORE_ANNOTATION), List.of(LOCKCORE_GUARD));

  private final Set<String> annotations;
  private final Set<String> methods;
  private final Set<String> annotationSimpleNames = new TreeSet<>();
  private final Set<String> methodNames = new TreeSet<>();

  private Guards(Collection<String> annotations, Collection<String> methods) {
    this.annotations = Set.copyOf(annotations);
    this.methods = Set.copyOf(methods);
    for (String a : this.annotations) {
      annotationSimpleNames.add(a.substring(a.lastIndexOf('.') + 1));
    }
    for (String m : this.methods) {
      methodNames.add(m.substring(m.indexOf('#') + 1));
    }
  }

  /** lockcore's annotation and guard method. */
  public static Guards defaults() {
    return DEFAULTS;
  }

  /**
   * Exactly these: annotations as qualified type names ({@code a.b.IfConfig}), guard methods as
   * {@code a.b.Config#isEnabled}.
   *
   * @throws IllegalArgumentException for a malformed name
   */
  public static Guards of(Collection<String> annotations, Collection<String> methods) {
    for (String a : annotations) {
      if (!isQualifiedName(a)) {
        throw new IllegalArgumentException("not a qualified annotation type name: '" + a + "'");
      }
    }
    for (String m : methods) {
      if (!isMethodName(m)) {
        throw new IllegalArgumentException(
            "not a guard method of the form a.b.Type#method: '" + m + "'");
      }
    }
    return new Guards(annotations, methods);
  }

  /** These guards and the other's. */
  public Guards plus(Guards other) {
    Set<String> a = new TreeSet<>(annotations);
    a.addAll(other.annotations);
    Set<String> m = new TreeSet<>(methods);
    m.addAll(other.methods);
    return new Guards(a, m);
  }

  /** Whether {@code s} is a qualified Java name ({@code a.b.C}). */
  public static boolean isQualifiedName(String s) {
    return QUALIFIED.matcher(s).matches();
  }

  /** Whether {@code s} has the form {@code a.b.Type#method}. */
  public static boolean isMethodName(String s) {
    return METHOD.matcher(s).matches();
  }

  /** The declared condition annotations, sorted. */
  public Set<String> annotations() {
    return new TreeSet<>(annotations);
  }

  /** The declared guard methods ({@code TYPE#method}), sorted. */
  public Set<String> methods() {
    return new TreeSet<>(methods);
  }

  /**
   * Cheap pre-test: whether an annotation written {@code name} (simple or qualified) could be a
   * condition annotation at all. Only then is its qualified name worth working out.
   */
  public boolean mayBeConditionAnnotation(String name) {
    return annotationSimpleNames.contains(name.substring(name.lastIndexOf('.') + 1));
  }

  /** Whether the annotation type with this qualified name is a condition annotation. */
  public boolean isConditionAnnotation(String qualifiedName) {
    return annotations.contains(qualifiedName);
  }

  /** Cheap pre-test: whether a call of a method with this name could be a guard. */
  public boolean mayBeGuardMethod(String methodName) {
    return methodNames.contains(methodName);
  }

  /**
   * Whether {@code methodName} called on a receiver of type {@code type} (qualified) is a guard;
   * {@code supertypes} are the qualified names of the receiver type's supertypes, when known (a
   * subclass of the guard type inherits the guard).
   */
  public boolean isGuardMethod(String type, Collection<String> supertypes, String methodName) {
    if (methods.contains(type + "#" + methodName)) {
      return true;
    }
    for (String s : supertypes) {
      if (methods.contains(s + "#" + methodName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The qualified name a type name written in a file denotes, by Java's rules as far as the file's
   * text tells: a qualified name is itself; a simple name is its single-type import, else a type of
   * the file's package that {@code known} knows, else the one on-demand import under which {@code
   * known} knows it, else the file's package (a type of the same package need not be imported).
   *
   * @param known whether a qualified type name exists (the project's types, the JDK's)
   */
  public static String qualify(
      String name,
      String packageName,
      Collection<String> singleTypeImports,
      Collection<String> onDemandImports,
      Predicate<String> known) {
    if (name.indexOf('.') >= 0) {
      return name;
    }
    for (String imp : singleTypeImports) {
      if (imp.equals(name) || imp.endsWith("." + name)) {
        return imp;
      }
    }
    String local = packageName.isEmpty() ? name : packageName + "." + name;
    if (known.test(local)) {
      return local;
    }
    for (String pkg : onDemandImports) {
      if (known.test(pkg + "." + name)) {
        return pkg + "." + name;
      }
    }
    return local;
  }

  /**
   * The option a guard's argument names, from its source text: the last segment of a (qualified)
   * name, or the content of a string literal; empty for anything else (a variable holding an option
   * is not a static guard).
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
    if (dot < 0 && !last.equals(last.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(last);
  }
}
