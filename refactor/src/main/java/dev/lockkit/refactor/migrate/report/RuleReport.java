package dev.lockkit.refactor.migrate.report;

import java.util.List;

/** What one rule did: the sites it rewrote (or found) and the sites of its old API left. */
public record RuleReport(
    String name, int line, boolean findOnly, List<RewrittenSite> rewritten, List<LeftSite> left) {
  public RuleReport {
    rewritten = List.copyOf(rewritten);
    left = List.copyOf(left);
  }
}
