/**
 * Facts read from a Java source's text without parsing it, shared by the refactorings: which
 * package a file declares ({@link dev.lockkit.refactor.source.PackageScan}), exactly as the
 * compiler reads its declaration (comments, whitespace and package annotations before it, a line
 * comment ended by a lone carriage return). {@code move} uses it to index the files it does not
 * parse; {@code migrate} has its own copy in {@code migrate.resolve}, to be pointed here.
 */
package dev.lockkit.refactor.source;
