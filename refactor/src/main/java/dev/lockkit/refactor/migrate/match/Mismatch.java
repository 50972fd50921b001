package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;

/**
 * Why a template did not match at a target node, for the "sites left" report.
 *
 * @param at the target node where unification failed
 * @param unresolved true if a type or symbol of the target could not be resolved (the site may well
 *     be a use; it is reported, never rewritten on a guess)
 * @param reason a sentence naming what the template needed and what the code has
 * @param depth how many template nodes matched before the failure: the largest depth over all
 *     templates tried at a site is the nearest miss, whose reason is reported
 */
public record Mismatch(Node at, boolean unresolved, String reason, int depth) {}
