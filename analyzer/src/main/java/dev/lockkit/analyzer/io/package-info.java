/**
 * Writing the files a command produces (reports, baselines, rewritten sources): every path checked
 * before the first byte is written, all files of a run written or none, modes kept. Shared by every
 * module's commands because they all write through it; it depends on nothing else of lockkit.
 */
package dev.lockkit.analyzer.io;
