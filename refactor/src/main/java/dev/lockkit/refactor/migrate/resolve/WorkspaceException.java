package dev.lockkit.refactor.migrate.resolve;

/** Bad input to a migration: a path or class path entry that does not exist or cannot be read. */
public final class WorkspaceException extends Exception {
  public WorkspaceException(String message) {
    super(message);
  }
}
