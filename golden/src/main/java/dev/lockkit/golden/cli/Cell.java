package dev.lockkit.golden.cli;

import dev.lockkit.golden.matrix.Variant;
import java.util.List;

/**
 * The result of one scenario on one variant.
 *
 * @param scenario scenario name
 * @param variant the variant
 * @param status the verdict
 * @param detail the first golden difference or the error, or empty
 * @param schedules schedules explored
 * @param failures failures found in the exploration, each with the schedule that replays it
 */
public record Cell(
    String scenario,
    Variant variant,
    Status status,
    String detail,
    long schedules,
    List<String> failures) {

  /** A cell's verdict, with its table text. */
  public enum Status {
    /** The golden text equals the approved file. */
    PASS("pass"),
    /** It differs. */
    FAIL("FAIL"),
    /** No approved file. */
    MISSING("MISSING"),
    /** Recorded (the approved file was written or replaced). */
    RECORDED("recorded"),
    /** The target could not run the scenario, or the approved file's coverage stamp is invalid. */
    ERROR("ERROR"),
    /** The run explored less than the approved file's coverage stamp says. */
    WEAKENED("WEAKER"),
    /** A forbidden (declared or undeclared) outcome was reached. */
    FORBIDDEN("FORBIDDEN");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    /** The table text. */
    public String text() {
      return text;
    }

    /** Whether it counts as passing. */
    public boolean ok() {
      return this == PASS || this == RECORDED;
    }
  }

  /** Copies the list. */
  public Cell {
    failures = List.copyOf(failures);
  }
}
