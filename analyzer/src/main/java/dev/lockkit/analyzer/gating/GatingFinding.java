package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.pc.Expr;

/**
 * A finding together with the set of configurations it describes: a variant {@code v} exhibits the
 * finding exactly when {@code condition} holds in {@code v}. Variant builds use it to check that
 * every configuration that fails to compile is explained by some finding.
 *
 * @param condition over Kconfig symbols; {@link Expr#FALSE} for findings that do not depend on the
 *     configuration (unknown or unused symbols, dead or redundant conditions)
 * @param breaksBuild whether the situation stops a variant from compiling (a missing or duplicate
 *     definition), as opposed to a design or run-time problem
 */
public record GatingFinding(Finding finding, Expr condition, boolean breaksBuild) {}
