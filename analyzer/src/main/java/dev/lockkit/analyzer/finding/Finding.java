package dev.lockkit.analyzer.finding;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One result of a rule.
 *
 * <p>{@link #key()} is the finding's stable identity — rule id plus endpoints (for example the
 * packages of a cycle group, or the referencing and referenced element), never a line number or
 * message text — so baselines keyed by it survive unrelated edits and are identical run to run.
 *
 * @param rule stable rule id, e.g. {@code cycle/package} or {@code gate/unguarded-reference}
 * @param severity how serious it is
 * @param location primary source location
 * @param message human-readable explanation (may change between versions; never used as a key)
 * @param key stable identity within the rule, e.g. {@code "a.b -> c.d"}
 * @param related further locations (e.g. every edge of a witness cycle), in report order
 * @param witness a configuration exhibiting a gating finding (option name to value), or empty
 */
public record Finding(
    String rule,
    Severity severity,
    Location location,
    String message,
    String key,
    List<Location> related,
    SortedMap<String, Boolean> witness) {

  /** Report order: by location, then rule, then key, so output never depends on rule order. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::key)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(key, "key");
    related = List.copyOf(related);
    witness = new TreeMap<>(witness);
  }

  /** A finding with no related locations and no witness. */
  public static Finding of(
      String rule, Severity severity, Location location, String message, String key) {
    return new Finding(rule, severity, location, message, key, List.of(), new TreeMap<>());
  }

  /** This finding with a witness configuration attached. */
  public Finding withWitness(Map<String, Boolean> config) {
    return new Finding(rule, severity, location, message, key, related, new TreeMap<>(config));
  }

  /**
   * The witness configuration as the reports print it after the message, {@code " [with A=y,
   * B=n]"}, or the empty string when there is none.
   */
  public String witnessText() {
    if (witness.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" [with ");
    boolean first = true;
    for (Map.Entry<String, Boolean> e : witness.entrySet()) {
      s.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue() ? 'y' : 'n');
      first = false;
    }
    return s.append(']').toString();
  }

  /**
   * One line without the severity, {@code path:line:col: [rule] message [with X=y, ...]}: how a
   * finding is listed in a build or test failure.
   */
  public String oneLine() {
    return location + ": [" + rule + "] " + message + witnessText();
  }

  /** The baseline identity: {@code rule + '|' + key}. */
  public String baselineKey() {
    return rule + "|" + key;
  }
}
