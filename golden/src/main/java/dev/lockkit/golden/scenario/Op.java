package dev.lockkit.golden.scenario;

import java.util.List;

/**
 * One line of a scenario that its target reads: a task's operation, or a setup line of the target's
 * own (lockcore's {@code vma}). golden only carries it: the target's {@link Operations} makes it
 * from the {@code .scn} text and its {@code Machine} performs it. {@link #toText()} is its
 * canonical {@code .scn} form, which the target's vocabulary reads back to an op of the same class
 * with the same text, and which traces and golden text print; an op should be a value (a record),
 * so that scenarios parsed and built in Java compare equal.
 */
public interface Op {

  /** The canonical {@code .scn} text. */
  String toText();

  /** The operation's name: the first word of its text ({@code hit}, {@code fault}...). */
  default String keyword() {
    String t = toText();
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }

  /**
   * An operation of a vocabulary declared by usage lines ({@link Operations#of}): its name and its
   * argument words, unchanged. {@code hit home} is {@code Named("hit", ["home"])}.
   */
  record Named(String name, List<String> args) implements Op {
    /** Checks the name (lower case, digits, '-' and '_') and copies the arguments. */
    public Named {
      if (!name.matches("[a-z][a-z0-9_-]*")) {
        throw new IllegalArgumentException(
            "operation name must be lower case letters, digits, '-' and '_', got '" + name + "'");
      }
      args = List.copyOf(args);
      for (String a : args) {
        if (a.isEmpty() || a.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#')) {
          throw new IllegalArgumentException(
              "operation argument must be one word without '#', got '" + a + "'");
        }
      }
    }

    /** {@code name} with {@code args}. */
    public static Named of(String name, String... args) {
      return new Named(name, List.of(args));
    }

    /** The argument at {@code i}. */
    public String arg(int i) {
      return args.get(i);
    }

    @Override
    public String keyword() {
      return name;
    }

    @Override
    public String toText() {
      return args.isEmpty() ? name : name + " " + String.join(" ", args);
    }
  }
}
