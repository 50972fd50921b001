/**
 * The front end: finds source roots and modules, parses every Java file with JavaParser (language
 * level 17, in parallel, a bounded pool of big-stack threads), keeps only compact per-file facts,
 * and resolves type names within the analysed project into a {@link
 * dev.lockkit.analyzer.graph.CodeGraph}. Files that cannot be read or parsed become {@code input/*}
 * findings; the rest is still analysed.
 */
package dev.lockkit.analyzer.source;
