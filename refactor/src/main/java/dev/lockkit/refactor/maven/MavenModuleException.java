package dev.lockkit.refactor.maven;

/**
 * {@code --maven-module DIR} could not give a class path: not a directory, no {@code pom.xml},
 * {@code mvn} not found, or Maven failed. The message names the module and says what to run; the
 * commands report it as bad input (exit 2) before anything is written.
 */
public final class MavenModuleException extends Exception {
  public MavenModuleException(String message) {
    super(message);
  }
}
