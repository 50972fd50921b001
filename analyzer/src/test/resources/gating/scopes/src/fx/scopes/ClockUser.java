package fx.scopes;

/** Uses only Clock's static members, in every configuration. */
public final class ClockUser {
  static String label() {
    return Clock.describe() + " " + Clock.UNIT;
  }
}
