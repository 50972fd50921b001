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
   */
  public static Policy fromEnvironment() {
    return resolve(System.getenv(), Boolean.getBoolean("golden.update"));
  }

  /** {@link #fromEnvironment()} over explicit inputs. */
  public static Policy resolve(Map<String, String> env, boolean updateRequested) {
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
      return STRICT;
    }
    return updateRequested ? UPDATE : VERIFY;
  }
}
