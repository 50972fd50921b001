/**
 * The member-level code model the gating rules run on, extracted with JavaParser: declarations
 * (types, methods, constructors, fields) and references (calls, field reads, type uses,
 * constructions), each with the presence condition of its site, plus every place a condition is
 * written. Independent of the type-level dependency graph so either can evolve alone.
 */
package dev.lockkit.analyzer.gating.members;
