package dev.lockkit.lockcore.config;

/** A configuration that violates an option's dependency, e.g. PER_VMA_LOCK=y with MMU=n. */
public final class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final Option option;

  InvalidConfigException(Option option, String message) {
    super(message);
    this.option = option;
  }

  /** The enabled option whose dependency is unmet. */
  public Option option() {
    return option;
  }
}
