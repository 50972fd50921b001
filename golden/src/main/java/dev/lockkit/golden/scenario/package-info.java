/**
 * Scenarios: a target's setup lines, tasks with operation lists, a configuration selector and an
 * exploration mode; read from {@code .scn} text (with located errors) or built in Java, both giving
 * equal {@link dev.lockkit.golden.scenario.Scenario} objects. golden reads the structure; the
 * operations and setup lines are the target's own, declared by its {@link
 * dev.lockkit.golden.scenario.Operations} (lockcore's memory operations live in golden-lockcore).
 * The format is documented in golden/README.md.
 */
package dev.lockkit.golden.scenario;
