package dev.lockkit.refactor.migrate;

/**
 * Bad input to a migration (exit code 2): a template file that does not parse or is unsupported or
 * inconsistent, a path or class path entry that does not exist, a Kconfig that does not parse. The
 * message names the file and line. Nothing has been written when it is thrown.
 */
public final class MigrationException extends Exception {
  public MigrationException(String message) {
    super(message);
  }
}
