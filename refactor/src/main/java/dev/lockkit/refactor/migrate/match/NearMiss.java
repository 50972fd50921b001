package dev.lockkit.refactor.migrate.match;

import dev.lockkit.refactor.migrate.template.Rule;

/** The best failed attempt of any template at one target node: the rule and why it failed. */
public record NearMiss(Rule rule, Mismatch mismatch) {}
