/**
 * The bad-input corpus: malformed and hostile inputs run against the command line in-process, each
 * a {@code .case} file under {@code src/test/resources/bad-input} (format: {@link BadInputCase}).
 */
package dev.lockkit.analyzer.corpus;
