package dev.lockkit.analyzer.layers;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.source.UseListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code api/forbidden} rule: uses of banned types or members outside their allowed places. It
 * listens to every use the front end resolves (project and external types alike) and reports one
 * finding per (ban, using top-level type), keyed {@code TARGET <- USER} so the key names the
 * endpoints, located at the first use, with up to {@value #MAX_RELATED} uses related.
 */
public final class BanRule implements UseListener {

  /** The rule id. */
  public static final String RULE = "api/forbidden";

  static final int MAX_RELATED = 10;

  private final RulesFile rules;
  private final Map<String, TreeSet<Location>> uses = new TreeMap<>();
  private final Map<String, RulesFile.Ban> banOf = new TreeMap<>();

  public BanRule(RulesFile rules) {
    this.rules = rules;
  }

  @Override
  public synchronized void use(String fromType, String typeName, String member, Location at) {
    for (RulesFile.Ban ban : rules.bans()) {
      if (!ban.type().matches(typeName)) {
        continue;
      }
      if (ban.member() != null && !ban.member().equals(member)) {
        continue;
      }
      if (ban.allows(fromType)) {
        continue;
      }
      String key = ban.target() + " <- " + fromType;
      uses.computeIfAbsent(key, k -> new TreeSet<>()).add(at);
      banOf.putIfAbsent(key, ban);
    }
  }

  /** The findings, one per (ban, using type), in key order. */
  public synchronized List<Finding> findings() {
    Severity severity = rules.severities().getOrDefault(RULE, Severity.ERROR);
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, TreeSet<Location>> e : uses.entrySet()) {
      RulesFile.Ban ban = banOf.get(e.getKey());
      List<Location> related =
          new ArrayList<>(e.getValue()).subList(0, Math.min(MAX_RELATED, e.getValue().size()));
      String user = e.getKey().substring(e.getKey().indexOf(" <- ") + 4);
      int n = e.getValue().size();
      String where =
          ban.allow().isEmpty()
              ? "allowed nowhere"
              : "allowed only in "
                  + String.join(", ", ban.allow().stream().map(Object::toString).toList());
      String message =
          user
              + " uses "
              + ban.target()
              + " ("
              + n
              + (n == 1 ? " use" : " uses")
              + "), banned by "
              + rules.source()
              + ":"
              + ban.line()
              + "; "
              + where;
      out.add(
          new Finding(
              RULE, severity, related.get(0), message, e.getKey(), related, new TreeMap<>()));
    }
    return out;
  }
}
