/**
 * Scenarios: an address-space setup, tasks with operation lists, a configuration selector and an
 * exploration mode; read from {@code .scn} text (with line-numbered errors) or built in Java, both
 * giving equal {@link dev.lockkit.golden.scenario.Scenario} objects. The format is documented in
 * golden/README.md.
 */
package dev.lockkit.golden.scenario;
