package dev.lockkit.junit;

import dev.lockkit.analyzer.finding.Severity;
import java.util.Set;

/**
 * The rules a test class can require, by lockkit's stable rule ids ({@code lockkit analyze}'s JSON
 * field {@code rule}). What each checks is configured on the {@link LockkitProject}: layers,
 * forbidden dependencies and bans come from its rules file, gating from its Kconfig.
 */
public final class LockkitRules {
  private LockkitRules() {}

  /** No package-level dependency cycle ({@code cycle/package}). */
  public static LockkitRule noPackageCycles() {
    return only("no package cycles", "cycle/package");
  }

  /** No type-level dependency cycle ({@code cycle/type}). */
  public static LockkitRule noTypeCycles() {
    return only("no type cycles", "cycle/type");
  }

  /** No module-level dependency cycle ({@code cycle/module}). */
  public static LockkitRule noModuleCycles() {
    return only("no module cycles", "cycle/module");
  }

  /** The rules file's layers and forbidden dependencies hold ({@code layer/forbidden}). */
  public static LockkitRule layersRespected() {
    return only("layers and forbidden dependencies respected", "layer/forbidden");
  }

  /** No use of an API the rules file bans ({@code api/forbidden}). */
  public static LockkitRule noBannedApis() {
    return only("no banned APIs", "api/forbidden");
  }

  /**
   * Config gating holds on every build variant of the project's Kconfig: every {@code gate/*} and
   * {@code kconfig/*} rule (unguarded references, missing or duplicate definitions, dead or
   * redundant guards, unknown symbols, unmet dependencies), each finding with a witness
   * configuration.
   */
  public static LockkitRule configGating() {
    return new LockkitRule(
        "config gating on every build variant",
        id -> id.startsWith("gate/") || id.startsWith("kconfig/"),
        Severity.INFO);
  }

  /** Every source file could be parsed ({@code input/parse}). */
  public static LockkitRule sourcesParse() {
    return only("every source file parses", "input/parse");
  }

  /** Every rule lockkit ran, as {@code lockkit analyze} reports them. */
  public static LockkitRule all() {
    return new LockkitRule("every lockkit rule", id -> true, Severity.INFO);
  }

  private static LockkitRule only(String description, String... ids) {
    Set<String> set = Set.of(ids);
    return new LockkitRule(description, set::contains, Severity.INFO);
  }
}
