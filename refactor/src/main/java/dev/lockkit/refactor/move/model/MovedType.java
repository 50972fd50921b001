package dev.lockkit.refactor.move.model;

import dev.lockkit.refactor.move.plan.MoveOp;
import java.nio.file.Path;

/**
 * A top-level type the plan moves to another package, with the file it will live in.
 *
 * @param op the plan line
 * @param type the type (alone in its file)
 * @param destPackage the package it moves to
 * @param newFile the file it will be in (must not exist)
 */
public record MovedType(MoveOp op, TypeInfo type, String destPackage, Path newFile) {

  public String oldFqn() {
    return type.fqn();
  }

  public String newFqn() {
    return destPackage.isEmpty() ? type.simpleName() : destPackage + "." + type.simpleName();
  }
}
