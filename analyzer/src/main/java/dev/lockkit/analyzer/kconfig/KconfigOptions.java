package dev.lockkit.analyzer.kconfig;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to read a Kconfig tree.
 *
 * @param variables values of macro variables no file assigns, as the kernel takes them from the
 *     environment: {@code SRCARCH=x86} for {@code source "arch/$(SRCARCH)/Kconfig"}; {@code
 *     srctree} names the directory {@code source} paths are relative to (default: the top file's
 *     directory, then its parents)
 * @param freeUndefined read a symbol that no loaded file defines as a free variable (y or n)
 *     instead of rejecting it — for one file of a larger tree, such as the kernel's {@code
 *     mm/Kconfig} without the arch Kconfig that defines {@code ARCH_SUPPORTS_PER_VMA_LOCK}
 * @param optionalSources treat every {@code source} as {@code osource}: a missing file is skipped
 *     with a warning (for measuring a partial copy of a tree)
 */
public record KconfigOptions(
    Map<String, String> variables, boolean freeUndefined, boolean optionalSources) {

  /** No variables, undefined symbols rejected, every sourced file required. */
  public static final KconfigOptions DEFAULT = new KconfigOptions(Map.of(), false, false);

  public KconfigOptions {
    variables = Map.copyOf(new TreeMap<>(variables));
  }

  /** These options with {@code name=value} added (a later value wins). */
  public KconfigOptions withVariable(String name, String value) {
    Map<String, String> v = new TreeMap<>(variables);
    v.put(name, value);
    return new KconfigOptions(v, freeUndefined, optionalSources);
  }

  /** These options with undefined symbols free ({@code true}) or rejected. */
  public KconfigOptions withFreeUndefined(boolean free) {
    return new KconfigOptions(variables, free, optionalSources);
  }

  /** These options with missing sourced files skipped ({@code true}) or rejected. */
  public KconfigOptions withOptionalSources(boolean optional) {
    return new KconfigOptions(variables, freeUndefined, optional);
  }

  /**
   * Parses {@code NAME=VALUE} as given on a command line ({@code --kconfig-var}).
   *
   * @throws IllegalArgumentException without a {@code =} or with an empty or malformed name
   */
  public KconfigOptions withAssignment(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0 || !assignment.substring(0, eq).matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "--kconfig-var needs NAME=VALUE (e.g. SRCARCH=x86), got '" + assignment + "'");
    }
    return withVariable(assignment.substring(0, eq), assignment.substring(eq + 1));
  }
}
