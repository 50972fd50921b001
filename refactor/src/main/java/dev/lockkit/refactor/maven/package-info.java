/**
 * {@code --maven-module DIR}, shared by {@code migrate} and {@code move}: a Maven module's class
 * path, resolved by Maven itself (maven-dependency-plugin's {@code build-classpath} at the version
 * lockkit's parent pom pins). Depends on nothing else of lockkit, so both commands use it without a
 * package cycle.
 */
package dev.lockkit.refactor.maven;
