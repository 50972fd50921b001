/**
 * Progress of long runs on stderr, shared by every lockkit command that can take more than a few
 * seconds: drawn only when stderr is a terminal and {@code --quiet} is not given, so a redirected
 * log never receives a carriage return.
 */
package dev.lockkit.analyzer.progress;
