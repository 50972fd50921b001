/**
 * Small classes built on the JDK's own synchronisers — {@code VarHandle}s, atomics, read-write
 * locks, semaphores, latches, {@code LockSupport}, {@code CompletableFuture}'s common pool,
 * blocking queues, {@code Exchanger}, {@code CyclicBarrier}, {@code Phaser}, {@code StampedLock} —
 * some correct, some with the bug their Javadoc names. Plain production code: nothing here knows
 * golden.
 */
package dev.lockkit.example.jdk;
