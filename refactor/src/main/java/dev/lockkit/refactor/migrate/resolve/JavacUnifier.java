package dev.lockkit.refactor.migrate.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Whether code of javac's type {@code actual} fits a placeholder declared with a type that mentions
 * the rule's type variables ({@code List<T>}, {@code T[]}, {@code Map<K, ? extends V>}), and what
 * the variables bind to, decided with javac's {@code Types} of the task that attributed both the
 * template and the code.
 *
 * <p>Implementation overview. A type without the rule's variables must be {@code
 * Types.isAssignable} from {@code actual}. A bare variable binds {@code actual} (a primitive boxed,
 * as inference does), checked against its bounds: a bound without the rule's variables by {@code
 * isAssignable}, a bound that mentions only the variable itself ({@code T extends Comparable<?
 * super T>}) with the variable substituted, a bound that is another variable of the rule ({@code T
 * extends S}) deferred to the match (a {@link TypeFit.Deferred}), and any other on its erasure. A
 * parameterised type ({@code List<T>}) is matched against {@code actual}'s supertype with the same
 * class (Error Prone's {@code Types.asSuper}), argument by argument: {@code ? extends T} with the
 * argument's upper bound, anything else must be the same type or bind. No capture conversion: a
 * captured wildcard binds only to itself, so a site it cannot type is reported, not guessed.
 */
final class JavacUnifier {

  private final Types types;
  private final Map<String, String> bindings = new LinkedHashMap<>();
  private final List<TypeFit.Deferred> deferred = new ArrayList<>();

  private JavacUnifier(Types types) {
    this.types = types;
  }

  /** The fit of {@code actual} for a placeholder declared as {@code wanted}. */
  static TypeFit fit(Types types, TypeMirror wanted, TypeMirror actual) {
    JavacUnifier u = new JavacUnifier(types);
    try {
      String why = u.unify(wanted, u.uncaptured(actual, true));
      if (why != null) {
        return why.isEmpty() ? TypeFit.NO : new TypeFit.NoFit(why);
      }
    } catch (RuntimeException | StackOverflowError e) {
      return new TypeFit.NoFit(
          " (its type could not be compared: " + e.getClass().getSimpleName() + ")");
    }
    return u.bindings.isEmpty() && u.deferred.isEmpty()
        ? TypeFit.PLAIN
        : new TypeFit.Fits(Map.copyOf(u.bindings), List.copyOf(u.deferred));
  }

  /**
   * True if {@code t} mentions a type variable (the only ones in a template's types are its own).
   */
  static boolean mentionsVariable(TypeMirror t) {
    return switch (t.getKind()) {
      case TYPEVAR -> true;
      case ARRAY -> mentionsVariable(((ArrayType) t).getComponentType());
      case WILDCARD -> {
        WildcardType w = (WildcardType) t;
        yield w.getExtendsBound() != null && mentionsVariable(w.getExtendsBound())
            || w.getSuperBound() != null && mentionsVariable(w.getSuperBound());
      }
      case DECLARED -> {
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (mentionsVariable(a)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /**
   * {@code t} with javac's captured wildcards ({@code capture#1 of ?}, the type of a variable of a
   * wildcard type where it is used) turned back into the wildcards (a captured variable at the top
   * into its upper bound), so that a variable declared {@code Class<?>} binds {@code Class<?>}, as
   * its declaration reads, the same at every use.
   */
  private TypeMirror uncaptured(TypeMirror t, boolean top) {
    return uncaptured(t, top, null);
  }

  /**
   * As above; {@code parameter} is the type parameter whose argument {@code t} is: a captured
   * {@code ?} has that parameter's declared bound as its upper bound ({@code Enum<?>} captures as
   * {@code Enum<capture of ? extends Enum<capture ...>>}), which is read back as {@code ?}.
   */
  private TypeMirror uncaptured(
      TypeMirror t, boolean top, javax.lang.model.element.TypeParameterElement parameter) {
    if (t.getKind() == TypeKind.TYPEVAR && t.toString().startsWith("capture#")) {
      TypeVariable v = (TypeVariable) t;
      TypeMirror upper = v.getUpperBound();
      TypeMirror lower = v.getLowerBound();
      if (top) {
        return upper;
      }
      if (lower != null && lower.getKind() != TypeKind.NULL && lower.getKind() != TypeKind.NONE) {
        return types.getWildcardType(null, lower);
      }
      boolean object =
          upper.getKind() == TypeKind.DECLARED
              && ((DeclaredType) upper).asElement().toString().equals("java.lang.Object");
      boolean declaredBound =
          parameter != null
              && parameter.getBounds().size() == 1
              && types.isSameType(
                  types.erasure(upper), types.erasure(parameter.getBounds().get(0)));
      return types.getWildcardType(object || declaredBound ? null : upper, null);
    }
    if (t.getKind() == TypeKind.DECLARED) {
      DeclaredType d = (DeclaredType) t;
      if (d.getTypeArguments().isEmpty()
          || d.getEnclosingType().getKind() == TypeKind.DECLARED
              && !((DeclaredType) d.getEnclosingType()).getTypeArguments().isEmpty()) {
        return t;
      }
      List<TypeMirror> args = new ArrayList<>();
      boolean changed = false;
      List<? extends javax.lang.model.element.TypeParameterElement> params =
          ((javax.lang.model.element.TypeElement) d.asElement()).getTypeParameters();
      for (int i = 0; i < d.getTypeArguments().size(); i++) {
        TypeMirror a = d.getTypeArguments().get(i);
        TypeMirror u = uncaptured(a, false, i < params.size() ? params.get(i) : null);
        changed |= u != a;
        args.add(u);
      }
      return changed
          ? types.getDeclaredType(
              (javax.lang.model.element.TypeElement) d.asElement(), args.toArray(new TypeMirror[0]))
          : t;
    }
    if (t.getKind() == TypeKind.ARRAY) {
      TypeMirror c = uncaptured(((ArrayType) t).getComponentType(), true);
      return c == ((ArrayType) t).getComponentType() ? t : types.getArrayType(c);
    }
    return t;
  }

  private String unify(TypeMirror wanted, TypeMirror actual) {
    if (!mentionsVariable(wanted)) {
      return types.isAssignable(actual, wanted) ? null : "";
    }
    if (wanted.getKind() == TypeKind.TYPEVAR) {
      return bindChecked((TypeVariable) wanted, actual);
    }
    if (wanted.getKind() == TypeKind.ARRAY) {
      return actual.getKind() == TypeKind.ARRAY
          ? unify(((ArrayType) wanted).getComponentType(), ((ArrayType) actual).getComponentType())
          : "";
    }
    if (wanted.getKind() == TypeKind.DECLARED) {
      DeclaredType w = (DeclaredType) wanted;
      DeclaredType ancestor = asSuper(actual, w.asElement());
      if (ancestor == null) {
        return "";
      }
      List<? extends TypeMirror> ws = w.getTypeArguments();
      List<? extends TypeMirror> as = ancestor.getTypeArguments();
      if (ws.size() != as.size()) {
        return " (raw type)";
      }
      for (int i = 0; i < ws.size(); i++) {
        String why = argument(ws.get(i), as.get(i));
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    return "";
  }

  private String argument(TypeMirror w, TypeMirror a) {
    if (w.getKind() == TypeKind.WILDCARD) {
      WildcardType ww = (WildcardType) w;
      WildcardType aw = a.getKind() == TypeKind.WILDCARD ? (WildcardType) a : null;
      if (ww.getExtendsBound() != null) {
        TypeMirror bound = aw == null ? a : aw.getExtendsBound();
        return bound == null ? "" : unify(ww.getExtendsBound(), bound);
      }
      if (ww.getSuperBound() != null) {
        TypeMirror bound = aw == null ? a : aw.getSuperBound();
        return bound == null ? "" : sameOrBind(ww.getSuperBound(), bound);
      }
      return null; // ?: any argument
    }
    return sameOrBind(w, a);
  }

  private String sameOrBind(TypeMirror w, TypeMirror a) {
    if (w.getKind() == TypeKind.TYPEVAR) {
      // A type argument binds the variable within its bounds too: Iterable<T> with T extends
      // Enum<T> is no Iterable<String> (Picnic's SetsImmutableEnumSetIterable rewrote Guava's
      // ImmutableSet.copyOf of non-enum elements to Sets.immutableEnumSet, which does not compile).
      // A wildcard argument is checked by its upper bound ('?' by Object).
      TypeMirror checked = a;
      if (a.getKind() == TypeKind.WILDCARD) {
        checked = ((WildcardType) a).getExtendsBound();
      }
      String why =
          checked != null
              ? checkBounds((TypeVariable) w, checked, false)
              : bounds(((TypeVariable) w).getUpperBound()).isEmpty()
                  ? null
                  : " (outside the bound of " + name(w) + ")";
      return why != null ? why : bind(name(w), a);
    }
    if (mentionsVariable(w)) {
      return unify(w, a);
    }
    return types.isSameType(w, a) ? null : "";
  }

  private String bindChecked(TypeVariable v, TypeMirror actual) {
    TypeMirror a = actual.getKind().isPrimitive() ? boxed(actual) : actual;
    if (a.getKind() == TypeKind.NULL) {
      return " (null does not instantiate " + name(v) + ")";
    }
    String why = checkBounds(v, a, true);
    return why != null ? why : bind(name(v), a);
  }

  /**
   * Null if {@code a} is within {@code v}'s bounds. A bound that is another variable of the rule
   * ({@code S extends T}) is deferred to the match's end when {@code defer}, else not checked here
   * (as before for a variable bound through a type argument, whose other variable the rest of the
   * template binds only later).
   */
  private String checkBounds(TypeVariable v, TypeMirror a, boolean defer) {
    for (TypeMirror b : bounds(v.getUpperBound())) {
      boolean fits;
      if (b.getKind() == TypeKind.TYPEVAR) {
        if (defer) {
          deferred.add(new TypeFit.Deferred(name(v), name(b), printedSupertypes(a)));
        }
        fits = true;
      } else if (!mentionsVariable(b)) {
        fits = types.isAssignable(a, b);
      } else {
        // A bound naming the variable itself (T extends Comparable<? super T>): with T = a. A
        // bound naming others as well is checked on its erasure: an Object is no Enum, whatever
        // the other variable is.
        TypeMirror s = substitute(b, v, a);
        fits =
            s != null
                ? types.isAssignable(a, s)
                : types.isSubtype(types.erasure(a), types.erasure(b));
      }
      if (!fits) {
        return " (outside the bound of " + name(v) + ")";
      }
    }
    return null;
  }

  private String bind(String name, TypeMirror actual) {
    String printed = TypeFit.print(actual.toString());
    String bound = bindings.putIfAbsent(name, printed);
    return bound == null || bound.equals(printed)
        ? null
        : " (" + name + " is already bound to " + bound + ")";
  }

  private TypeMirror boxed(TypeMirror primitive) {
    return types.boxedClass((PrimitiveType) primitive).asType();
  }

  private static String name(TypeMirror typeVariable) {
    return ((TypeVariable) typeVariable).asElement().getSimpleName().toString();
  }

  private static List<? extends TypeMirror> bounds(TypeMirror upper) {
    if (upper.getKind() == TypeKind.INTERSECTION) {
      return ((IntersectionType) upper).getBounds();
    }
    return upper.getKind() == TypeKind.DECLARED
            && ((DeclaredType) upper).asElement().toString().equals("java.lang.Object")
        ? List.of()
        : List.of(upper);
  }

  /** {@code t} with {@code v} replaced by {@code by}; null when it names another variable. */
  private TypeMirror substitute(TypeMirror t, TypeVariable v, TypeMirror by) {
    switch (t.getKind()) {
      case TYPEVAR:
        return types.isSameType(t, v) ? by : null;
      case ARRAY:
        TypeMirror c = substitute(((ArrayType) t).getComponentType(), v, by);
        return c == null ? null : types.getArrayType(c);
      case WILDCARD:
        WildcardType w = (WildcardType) t;
        if (w.getExtendsBound() != null) {
          TypeMirror e = substitute(w.getExtendsBound(), v, by);
          return e == null ? null : types.getWildcardType(e, null);
        }
        if (w.getSuperBound() != null) {
          TypeMirror s = substitute(w.getSuperBound(), v, by);
          return s == null ? null : types.getWildcardType(null, s);
        }
        return t;
      case DECLARED:
        DeclaredType d = (DeclaredType) t;
        if (d.getTypeArguments().isEmpty()) {
          return t;
        }
        List<TypeMirror> args = new ArrayList<>();
        for (TypeMirror a : d.getTypeArguments()) {
          TypeMirror s2 = substitute(a, v, by);
          if (s2 == null) {
            return null;
          }
          args.add(s2);
        }
        TypeMirror outer = d.getEnclosingType();
        javax.lang.model.element.TypeElement e =
            (javax.lang.model.element.TypeElement) d.asElement();
        return outer.getKind() == TypeKind.DECLARED
                && !((DeclaredType) outer).getTypeArguments().isEmpty()
            ? null
            : types.getDeclaredType(e, args.toArray(new TypeMirror[0]));
      default:
        return t;
    }
  }

  /** {@code t}'s supertype (or itself) whose class is {@code element}; null when none. */
  private DeclaredType asSuper(TypeMirror t, Element element) {
    Deque<TypeMirror> work = new ArrayDeque<>(List.of(t));
    Set<String> seen = new LinkedHashSet<>();
    while (!work.isEmpty()) {
      TypeMirror x = work.pop();
      if (!seen.add(x.toString())) {
        continue;
      }
      if (x.getKind() == TypeKind.DECLARED && ((DeclaredType) x).asElement().equals(element)) {
        return (DeclaredType) x;
      }
      if (x.getKind() == TypeKind.INTERSECTION) {
        work.addAll(((IntersectionType) x).getBounds());
      } else if (x.getKind() == TypeKind.DECLARED || x.getKind() == TypeKind.TYPEVAR) {
        work.addAll(types.directSupertypes(x));
      }
    }
    return null;
  }

  /** {@code t} and every supertype of it, printed. */
  private List<String> printedSupertypes(TypeMirror t) {
    Set<String> out = new LinkedHashSet<>();
    Deque<TypeMirror> work = new ArrayDeque<>(List.of(t));
    while (!work.isEmpty()) {
      TypeMirror x = work.pop();
      if (!out.add(TypeFit.print(x.toString()))) {
        continue;
      }
      if (x.getKind() == TypeKind.INTERSECTION) {
        work.addAll(((IntersectionType) x).getBounds());
      } else if (x.getKind() == TypeKind.DECLARED || x.getKind() == TypeKind.TYPEVAR) {
        work.addAll(types.directSupertypes(x));
      }
    }
    return List.copyOf(out);
  }
}
