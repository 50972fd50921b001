package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.edit.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types javac gives the analysed code's expressions and written types where they stand (a poly
 * expression has its target's type), and their fits for the before templates' placeholders, decided
 * in the task that attributed the template too ({@code Types.isAssignable}; {@link JavacUnifier}
 * for a placeholder type with the rule's type variables), kept in lockkit's own form ({@link
 * TypeFit}, printed types) so the task can be let go before matching.
 */
final class CodeTypes {

  /**
   * javac's type of an expression of the analysed code, as lockkit keeps it: the type as javac
   * prints it, the placeholders (by id) whose declared type without type variables it is assignable
   * to, and its fit for each placeholder whose declared type has type variables (by id, {@link
   * TypeFit}).
   */
  private record Fit(String type, BitSet fits, TypeFit[] generic, boolean raw) {}

  /** Per attributed file, the expressions' types (key: start in the high half, end in the low). */
  private final Map<Path, Map<Long, Fit>> types;

  /** The placeholders javac typed, by the offset of the parameter's name in the template file. */
  private final Map<Integer, Integer> placeholderIds;

  private final SourceFile template;

  private CodeTypes(
      Map<Path, Map<Long, Fit>> types, Map<Integer, Integer> placeholderIds, SourceFile template) {
    this.types = types;
    this.placeholderIds = placeholderIds;
    this.template = template;
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  /**
   * For every typed expression of the analysed code: its type, whether it is assignable to each
   * placeholder's declared type without the rule's type variables ({@code Types.isAssignable}, the
   * template's and the code's types being of the same compiler), and its fit, with the bindings,
   * for each placeholder whose declared type has them ({@link JavacUnifier}). Distinct types are
   * decided once.
   *
   * @param placeholders the names of the before templates' parameters and {@code @Placeholder}
   *     methods (JavaParser nodes of the template file's text)
   */
  static CodeTypes of(
      Workspace ws, OneTask task, List<com.github.javaparser.ast.expr.SimpleName> placeholders) {
    javax.lang.model.util.Types javacTypes = task.attribution.types();
    // Ids: a placeholder without type variables is a bit of Fit.fits (id >= 0); one with type
    // variables an index into Fit.generic (id -(i + 1)).
    Map<Integer, Integer> ids = new HashMap<>();
    List<TypeMirror> wanted = new ArrayList<>();
    List<TypeMirror> generic = new ArrayList<>();
    for (com.github.javaparser.ast.expr.SimpleName p : placeholders) {
      Range r = p.getRange().orElse(null);
      if (r == null) {
        continue;
      }
      int at = task.template.offset(r.begin.line, r.begin.column);
      TypeMirror declared = declaredType(task, at);
      if (declared == null || ids.containsKey(at)) {
        continue;
      }
      if (decidable(declared)) {
        ids.put(at, wanted.size());
        wanted.add(declared);
      } else if (JavacUnifier.mentionsVariable(declared) && !hasError(declared)) {
        generic.add(declared);
        ids.put(at, -generic.size());
      }
    }
    Map<Path, Map<Long, Fit>> types = new HashMap<>();
    // Keyed by the printed type and the type variables in it: two methods' E print alike but are
    // other variables with other bounds, and a fit computed for one is wrong for the other.
    Map<TypeKey, Fit> byType = new HashMap<>();
    // The template's own types (of its written types and expressions), printed.
    Map<Long, Fit> templateTypes = new HashMap<>();
    task.types.forEach(
        task.template.path(),
        (span, t) -> {
          if (!hasError(t)) {
            templateTypes.put(
                span, new Fit(TypeFit.print(t.toString()), new BitSet(), null, raw(t)));
          }
        });
    types.put(task.template.path(), templateTypes);
    for (Workspace.Source u : ws.files()) {
      Path p = u.file().path();
      if (p.equals(task.template.path()) || !task.attribution.covers(p)) {
        continue;
      }
      Map<Long, Fit> spans = new HashMap<>();
      task.types.forEach(
          p,
          (span, t) -> {
            if (hasError(t)) {
              return;
            }
            spans.put(
                span,
                byType.computeIfAbsent(
                    new TypeKey(TypeFit.print(t.toString()), typeVariables(t, new ArrayList<>())),
                    key -> {
                      String k = key.printed();
                      BitSet fits = new BitSet();
                      for (int i = 0; i < wanted.size(); i++) {
                        if (assignable(javacTypes, t, wanted.get(i))) {
                          fits.set(i);
                        }
                      }
                      TypeFit[] g = new TypeFit[generic.size()];
                      for (int i = 0; i < g.length; i++) {
                        g[i] = hasError(t) ? null : JavacUnifier.fit(javacTypes, generic.get(i), t);
                      }
                      return new Fit(k, fits, g, raw(t));
                    }));
          });
      types.put(p, spans);
    }
    return new CodeTypes(types, ids, task.template);
  }

  /** A code type as the cache of fits tells types apart: its text and its type variables. */
  private record TypeKey(String printed, List<javax.lang.model.element.Element> variables) {}

  /** The type variables {@code t} mentions, in order (javac's symbols compare by identity). */
  private static List<javax.lang.model.element.Element> typeVariables(
      TypeMirror t, List<javax.lang.model.element.Element> out) {
    if (t == null) {
      return out;
    }
    switch (t.getKind()) {
      case TYPEVAR -> out.add(((javax.lang.model.type.TypeVariable) t).asElement());
      case DECLARED -> {
        DeclaredType d = (DeclaredType) t;
        typeVariables(d.getEnclosingType(), out);
        d.getTypeArguments().forEach(a -> typeVariables(a, out));
      }
      case ARRAY -> typeVariables(((javax.lang.model.type.ArrayType) t).getComponentType(), out);
      case WILDCARD -> {
        javax.lang.model.type.WildcardType w = (javax.lang.model.type.WildcardType) t;
        typeVariables(w.getExtendsBound(), out);
        typeVariables(w.getSuperBound(), out);
      }
      case INTERSECTION ->
          ((javax.lang.model.type.IntersectionType) t)
              .getBounds()
              .forEach(b -> typeVariables(b, out));
      default -> {}
    }
    return out;
  }

  /**
   * The declared type of the template parameter, or the return type of the template method, whose
   * name starts at {@code at} of the template file; null when javac has none.
   */
  private static TypeMirror declaredType(OneTask task, int at) {
    VariableElement v = task.types.parameterAt(task.template.path(), at);
    if (v != null) {
      return v.asType();
    }
    return task.attribution.declaredAt(task.template.path(), at) instanceof ExecutableElement m
        ? m.getReturnType()
        : null;
  }

  private static boolean assignable(
      javax.lang.model.util.Types types, TypeMirror from, TypeMirror to) {
    try {
      return types.isAssignable(from, to);
    } catch (RuntimeException e) {
      return false; // a class javac cannot complete: not known to fit
    }
  }

  /** True if {@code t} is a raw type ({@code Comparable} of a generic class, no arguments). */
  private static boolean raw(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).getTypeArguments().isEmpty()
        && ((DeclaredType) t).asElement() instanceof TypeElement e
        && !e.getTypeParameters().isEmpty();
  }

  /** True if javac's type of the analysed code {@code x} is a raw type; false when unknown. */
  boolean isRaw(Node x) {
    Fit f = fit(x);
    return f != null && f.raw();
  }

  /** True if {@code t} is or contains a type javac could not resolve. */
  private static boolean hasError(TypeMirror t) {
    return switch (t.getKind()) {
      case ERROR, NONE, PACKAGE, MODULE, OTHER, VOID, EXECUTABLE -> true;
      case ARRAY -> hasError(((javax.lang.model.type.ArrayType) t).getComponentType());
      case DECLARED -> {
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (hasError(a)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /**
   * True if {@code t} is a type javac decided without error and without type variables: then its
   * assignability is a fact of the compiler, independent of any match's bindings.
   */
  private static boolean decidable(TypeMirror t) {
    return switch (t.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> true;
      case ARRAY -> decidable(((javax.lang.model.type.ArrayType) t).getComponentType());
      case DECLARED -> {
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (!decidable(a)) {
            yield false;
          }
        }
        yield true;
      }
      case WILDCARD -> {
        javax.lang.model.type.WildcardType w = (javax.lang.model.type.WildcardType) t;
        yield (w.getExtendsBound() == null || decidable(w.getExtendsBound()))
            && (w.getSuperBound() == null || decidable(w.getSuperBound()));
      }
      default -> false; // type variables, captures, intersections, errors, void, packages
    };
  }

  /**
   * Whether the analysed expression {@code x} fits the before template's placeholder whose name (a
   * parameter's, or a {@code @Placeholder} method's for its return type) is {@code placeholder}, as
   * javac decides with the type it gives {@code x} where it stands, and what the rule's type
   * variables bind to; null when javac has no answer (no tree at that span, or a type javac could
   * not decide).
   */
  TypeFit fit(Node x, com.github.javaparser.ast.expr.SimpleName placeholder) {
    if (template == null) {
      return null;
    }
    Range r = placeholder.getRange().orElse(null);
    Integer id =
        r == null ? null : placeholderIds.get(template.offset(r.begin.line, r.begin.column));
    Fit f = id == null ? null : fit(x);
    if (f == null) {
      return null;
    }
    if (id >= 0) {
      return f.fits().get(id) ? TypeFit.PLAIN : TypeFit.NO;
    }
    return f.generic()[-id - 1];
  }

  /**
   * The type javac gives the template file's written type or expression {@code n}, printed ({@link
   * TypeFit#print}); or null.
   */
  String templateTypeOf(Node n) {
    Map<Long, Fit> spans = template == null ? null : types.get(template.path());
    Range r = n.getRange().orElse(null);
    if (spans == null || r == null) {
      return null;
    }
    Fit f =
        spans.get(
            key(
                template.offset(r.begin.line, r.begin.column),
                template.offset(r.end.line, r.end.column) + 1));
    return f == null ? null : f.type();
  }

  /**
   * The type javac gives the analysed expression {@code x}, printed ({@link TypeFit#print}); or
   * null.
   */
  String typeOf(Node x) {
    Fit f = fit(x);
    return f == null ? null : f.type();
  }

  /** Lets go of the types of one analysed file (its work is done). */
  void release(Path file) {
    types.remove(file);
  }

  private Fit fit(Node x) {
    SourceFile file = Workspace.sourceOf(x);
    Map<Long, Fit> spans = file == null ? null : types.get(file.path());
    Range r = x.getRange().orElse(null);
    if (spans == null || r == null) {
      return null;
    }
    return spans.get(
        key(file.offset(r.begin.line, r.begin.column), file.offset(r.end.line, r.end.column) + 1));
  }
}
