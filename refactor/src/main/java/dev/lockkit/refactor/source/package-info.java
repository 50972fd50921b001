/**
 * Facts read from a Java source's text without parsing it, shared by the refactorings: which
 * package a file declares ({@link dev.lockkit.refactor.source.PackageScan}), exactly as the
 * compiler reads its declaration (comments, whitespace and package annotations before it, a line
 * comment ended by a lone carriage return), the words a text spells ({@link
 * dev.lockkit.refactor.source.Words}), and names as javac reads them, Unicode escapes decoded
 * ({@link dev.lockkit.refactor.source.UnicodeEscapes}). {@code move} uses them to index the files
 * it does not parse and to find a moved name in a file that does not parse; {@code migrate} to find
 * its source roots and the files that can hold a site.
 */
package dev.lockkit.refactor.source;
