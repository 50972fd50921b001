package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.body.TypeDeclaration;

/**
 * A type declared in the project.
 *
 * @param fqn dotted name, nested types as {@code pkg.Outer.Inner}
 * @param outer the enclosing type, or null for a top-level type
 */
public record TypeInfo(String fqn, ParsedFile file, TypeDeclaration<?> decl, TypeInfo outer) {

  public String simpleName() {
    return decl.getNameAsString();
  }

  public String packageName() {
    return file.packageName();
  }

  /** The top-level type this one is nested in (or itself). */
  public TypeInfo topLevel() {
    return outer == null ? this : outer.topLevel();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeInfo t && t.fqn.equals(fqn);
  }

  @Override
  public int hashCode() {
    return fqn.hashCode();
  }

  @Override
  public String toString() {
    return fqn;
  }
}
