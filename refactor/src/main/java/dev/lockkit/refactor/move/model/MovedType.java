package dev.lockkit.refactor.move.model;

import dev.lockkit.refactor.move.plan.MoveOp;
import java.nio.file.Path;

/**
 * A type the plan moves, with the file it will live in: a top-level type to a package (its file
 * moves), a static nested type to a package (cut from its enclosing type, it becomes top-level in a
 * new file), or a top-level or static nested type into an existing type (it becomes a static member
 * type of {@code host}, in the host's file).
 *
 * @param op the plan line
 * @param type the type (alone in its file, or nested at any depth in a top-level type)
 * @param destPackage the package it moves to (the host's package for a move into a type)
 * @param newFile the file it will be in (must not exist, or the host's file)
 * @param host the enclosing type it moves into, or null for a move to a package
 */
public record MovedType(MoveOp op, TypeInfo type, String destPackage, Path newFile, TypeInfo host) {

  /** A move to a package. */
  public MovedType(MoveOp op, TypeInfo type, String destPackage, Path newFile) {
    this(op, type, destPackage, newFile, null);
  }

  /** True if the type becomes a member type of {@link #host}. */
  public boolean intoType() {
    return host != null;
  }

  /** True if the type is nested now (it becomes top-level, or a member of {@link #host}). */
  public boolean nested() {
    return type.outer() != null;
  }

  public String oldFqn() {
    return type.fqn();
  }

  public String newFqn() {
    if (host != null) {
      return host.fqn() + "." + type.simpleName();
    }
    return destPackage.isEmpty() ? type.simpleName() : destPackage + "." + type.simpleName();
  }
}
