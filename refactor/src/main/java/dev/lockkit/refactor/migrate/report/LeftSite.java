package dev.lockkit.refactor.migrate.report;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A use of the old API that no template rewrote, and why.
 *
 * @param member the before-template member it uses, e.g. {@code RwSemaphore.down_read()}
 * @param code the site's code on one line
 * @param reason why no template could safely rewrite it
 * @param unresolved true if the reason is that types or symbols could not be resolved
 * @param witness for a site refused by the gating check, the configuration that shows the rewrite
 *     would break; empty otherwise
 */
public record LeftSite(
    String path,
    int line,
    int column,
    String member,
    String code,
    String reason,
    boolean unresolved,
    SortedMap<String, Boolean> witness) {
  public LeftSite {
    witness = new TreeMap<>(witness);
  }
}
