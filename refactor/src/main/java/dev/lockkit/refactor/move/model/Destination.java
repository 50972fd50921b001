package dev.lockkit.refactor.move.model;

import java.nio.file.Path;

/**
 * Where a member goes: an existing project type, or a new top-level class to be created.
 *
 * @param fqn the destination type's dotted name
 * @param existing the type when it exists, else null
 * @param newFile the file to create when it does not exist, else null
 */
public record Destination(String fqn, TypeInfo existing, Path newFile) {

  public boolean isNew() {
    return existing == null;
  }

  public String packageName() {
    if (existing != null) {
      return existing.packageName();
    }
    int dot = fqn.lastIndexOf('.');
    return dot < 0 ? "" : fqn.substring(0, dot);
  }

  public String simpleName() {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }

  /** The top-level type the destination lives in (itself when new). */
  public String topLevelFqn() {
    return existing == null ? fqn : existing.topLevel().fqn();
  }
}
