package dev.lockkit.refactor.migrate.template;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** javac's types of a template, read into lockkit's terms while javac's task is alive. */
final class JavacTypes {

  private JavacTypes() {}

  /** The type as {@link Template.Type}: javac's printing and, for a class type, its class. */
  static Template.Type of(TypeMirror t) {
    String className =
        t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement() instanceof TypeElement e
            ? e.getQualifiedName().toString()
            : null;
    return new Template.Type(t.toString(), className);
  }

  /** True if javac could not resolve {@code t} or a type it is built from. */
  static boolean hasError(TypeMirror t) {
    return switch (t.getKind()) {
      case ERROR -> true;
      case DECLARED ->
          ((DeclaredType) t).getTypeArguments().stream().anyMatch(JavacTypes::hasError);
      case ARRAY -> hasError(((ArrayType) t).getComponentType());
      case WILDCARD -> {
        WildcardType w = (WildcardType) t;
        yield (w.getExtendsBound() != null && hasError(w.getExtendsBound()))
            || (w.getSuperBound() != null && hasError(w.getSuperBound()));
      }
      default -> false;
    };
  }

  /** A primitive, or a class type without type arguments: compared as is. */
  static boolean isPlain(TypeMirror t) {
    return t.getKind().isPrimitive()
        || (t.getKind() == TypeKind.DECLARED
            && ((DeclaredType) t).getTypeArguments().isEmpty()
            && ((TypeElement) ((DeclaredType) t).asElement()).getTypeParameters().isEmpty());
  }

  /** True if {@code t} is {@code boolean} or {@code java.lang.Boolean}. */
  static boolean isBoolean(TypeMirror t) {
    return t != null && (t.getKind() == TypeKind.BOOLEAN || isClass(t, "java.lang.Boolean"));
  }

  /** True if {@code t} is the class type {@code name}. */
  static boolean isClass(TypeMirror t, String name) {
    return t != null
        && t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).asElement() instanceof TypeElement e
        && e.getQualifiedName().contentEquals(name);
  }
}
