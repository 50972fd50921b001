/**
 * A small concurrent project of the kind a team writes, and that golden tests unmodified: counters
 * (racy, {@code synchronized}, atomic), a registry over {@code ConcurrentHashMap} (check-then-act
 * and {@code merge}), transfers between accounts with {@code ReentrantLock} (AB-BA), a mailbox with
 * {@code wait}/{@code notifyAll}, a batch job on its own executor, an inventory in three versions
 * (before a refactoring, after a behaviour-keeping one, after a lock-narrowing one), and a hit
 * cache whose build variants come from this module's {@code Kconfig}. Nothing here depends on
 * golden.
 */
package dev.lockkit.example;
