package dev.lockkit.golden.approve;

import java.util.Map;

/** When approved files may be written. */
public enum Policy {
  /** Compare only; a mismatch or a missing approved file fails and leaves a received file. */
  VERIFY,
  /** Compare, and replace the approved file when it differs or is missing (an explicit update). */
  UPDATE,
  /** CI: compare only, never write an approved file, even if an update was requested. */
  STRICT;

  /**
   * The policy for this process: {@link #STRICT} when the environment variable {@code CI} is {@code
   * true}; else {@link #UPDATE} when the system property {@code golden.update} is {@code true};
   * else {@link #VERIFY}.
   *
   * <p>The system property {@code golden.ci}, when set, stands in for the environment variable.
   * golden's own unit tests set it to {@code false}: they exercise recording in temporary
   * directories and must behave the same on a CI machine, while the golden suites of the projects
   * that use the harness keep the strict CI behaviour.
   */
  public static Policy fromEnvironment() {
    String ci = System.getProperty("golden.ci", System.getenv("CI"));
    return resolve(ci == null ? Map.of() : Map.of("CI", ci), Boolean.getBoolean("golden.update"));
  }

  /** {@link #fromEnvironment()} over explicit inputs. */
  public static Policy resolve(Map<String, String> env, boolean updateRequested) {
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
      return STRICT;
    }
    return updateRequested ? UPDATE : VERIFY;
  }
}
