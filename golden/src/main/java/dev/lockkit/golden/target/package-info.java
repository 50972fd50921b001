/**
 * The scenario driver: {@link dev.lockkit.golden.target.ScenarioTarget} is what an implementation
 * provides so that scenarios can run against it (declare its scenario vocabulary, boot a
 * configuration with the scenario's setup lines, perform each operation on a task, snapshot the
 * outcome), and {@link dev.lockkit.golden.target.ScenarioRunner} turns a scenario, a variant and a
 * target into an exploration and its golden text. Two targets behind the same driver make
 * differential mode.
 */
package dev.lockkit.golden.target;
