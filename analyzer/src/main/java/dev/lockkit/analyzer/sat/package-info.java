/**
 * The SAT layer: {@link dev.lockkit.analyzer.sat.SatSolver} encodes presence conditions into CNF
 * (Tseitin) on top of Sat4j and answers satisfiability, canonical witness, enumeration and pairwise
 * sampling queries incrementally, under assumptions, with caching.
 */
package dev.lockkit.analyzer.sat;
