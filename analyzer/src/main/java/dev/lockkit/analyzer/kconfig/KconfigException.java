package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;

/**
 * Bad Kconfig input: a syntax error, a missing or self-including file, an unknown symbol, a
 * dependency loop or a model with no valid configuration. {@link #getMessage()} starts with {@code
 * file:line:} so a command can print it as is and exit 2.
 */
public final class KconfigException extends Exception {
  private final Location location;
  private final String problem;

  public KconfigException(Location location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.problem = problem;
  }

  /** Where the problem is. */
  public Location location() {
    return location;
  }

  /** The problem without its location. */
  public String problem() {
    return problem;
  }
}
