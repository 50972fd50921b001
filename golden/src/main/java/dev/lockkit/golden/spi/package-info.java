/**
 * The scheduling SPI that golden owns: what code under golden's control calls, and how a run hands
 * its scheduler to that code.
 *
 * <p>Code that shares state between tasks announces every shared access, park, unpark and busy-wait
 * iteration to a {@link dev.lockkit.golden.spi.SchedulingPoints}. Under the real JVM these calls
 * are no-ops or map onto {@code LockSupport} ({@link dev.lockkit.golden.spi.Scheduling#REAL});
 * under golden's {@code sched.ControlledPlatform} each is a scheduling point, so tasks run one at a
 * time and the explorer picks who runs next.
 *
 * <p>A target with an SPI of its own (lockcore's {@code sync.Platform}) adapts it with a {@link
 * dev.lockkit.golden.spi.RunBinding}: the explorer calls it on every thread that runs the program's
 * code (the harness thread that builds the state and reads the outcome, and each task thread), so
 * the target's code reaches this run's scheduler and no other. Nothing here is process-wide: two
 * explorations in one JVM never share a scheduler. Code written against golden directly uses {@link
 * dev.lockkit.golden.spi.Scheduling#current()}, which the explorer binds the same way.
 *
 * <p>This package depends on nothing else in golden, so an adapter module needs only it and the
 * explorer's API.
 */
package dev.lockkit.golden.spi;
