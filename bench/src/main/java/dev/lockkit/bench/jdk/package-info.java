/**
 * JMH baselines from {@code java.util.concurrent} and the hardware: the locks a Java team would use
 * instead of lockcore, and one uncontended CAS as the physical floor of any lock round trip.
 */
package dev.lockkit.bench.jdk;
