/**
 * The code graph at three levels (type, package, module) in a compact int-array form: every edge
 * keeps its reference count and the source location of each reference.
 */
package dev.lockkit.analyzer.graph;
