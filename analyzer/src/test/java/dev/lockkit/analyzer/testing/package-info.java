/** Test helpers: small source trees written to temporary directories, and graph queries. */
package dev.lockkit.analyzer.testing;
