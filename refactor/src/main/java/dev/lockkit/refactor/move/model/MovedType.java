package dev.lockkit.refactor.move.model;

import dev.lockkit.refactor.move.plan.MoveOp;
import java.nio.file.Path;

/**
 * A type the plan moves to a package, with the file it will live in: a top-level type (its file
 * moves) or a static nested type (cut from its enclosing type, it becomes top-level in a new file).
 *
 * @param op the plan line
 * @param type the type (alone in its file, or nested directly in a top-level type)
 * @param destPackage the package it moves to
 * @param newFile the file it will be in (must not exist)
 */
public record MovedType(MoveOp op, TypeInfo type, String destPackage, Path newFile) {

  /** True if the type is nested and becomes top-level. */
  public boolean nested() {
    return type.outer() != null;
  }

  public String oldFqn() {
    return type.fqn();
  }

  public String newFqn() {
    return destPackage.isEmpty() ? type.simpleName() : destPackage + "." + type.simpleName();
  }
}
