/**
 * The golden suite's speed: schedules explored per second by the controlled scheduler on a 3-task
 * lockcore scenario, and the share of that time spent handing the turn between threads.
 */
package dev.lockkit.bench.golden;
