/**
 * Type-aware matching of before templates against resolved target code: {@link
 * dev.lockkit.refactor.migrate.match.Unifier} unifies one template with one site, {@link
 * dev.lockkit.refactor.migrate.match.Matcher} finds every match in a file and, for the sites left,
 * the nearest miss with its reason.
 */
package dev.lockkit.refactor.migrate.match;
