package dev.lockkit.golden.cli;

import java.util.List;

/** Input that cannot be used (scenario or Kconfig errors): every message, exit code 2. */
public final class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> messages;

  /** One or more user-facing messages, each naming file and line. */
  public BadInputException(List<String> messages) {
    super(String.join("\n", messages));
    this.messages = List.copyOf(messages);
  }

  /** The messages. */
  public List<String> messages() {
    return messages;
  }
}
