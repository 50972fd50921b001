package dev.lockkit.refactor.migrate.report;

/**
 * A site a rule rewrote (or, for a find-only rule or in {@code --check}/{@code --dry-run} mode,
 * would rewrite or found).
 *
 * @param before the site's code on one line
 * @param after the replacement on one line (empty for a find-only rule)
 */
public record RewrittenSite(String path, int line, String before, String after) {}
