/**
 * Resolution by the compiler: javac's own attribution ({@code JavacTask}, {@code Trees}, {@code
 * Elements}, {@code Types}) of a set of source files, held in memory, with the project's other
 * sources on javac's source path and its dependencies on the class path.
 *
 * <p>Refactorings keep JavaParser for positions and minimal text edits; this package answers the
 * question JavaParser cannot answer reliably — which declaration does this name, call or method
 * reference denote — exactly as the compiler that builds the project decides it (overloads,
 * generics, arrays, varargs, boxing, inherited members, target-typed method references). Nodes are
 * matched to javac trees by their character span in the same text, so both sides read identical
 * bytes. Nothing here depends on {@code move} or {@code migrate}.
 */
package dev.lockkit.refactor.javac;
