package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.IfConfig;

/**
 * {@code struct lockdep_map}: the per-lock-instance handle lockdep tracks, pointing at its class.
 * Present only with DEBUG_LOCK_ALLOC, as the kernel's {@code dep_map} members are.
 *
 * @param name the instance name used in reports
 * @param key the lock class
 */
@IfConfig("DEBUG_LOCK_ALLOC")
public record LockdepMap(String name, LockClassKey key) {}
