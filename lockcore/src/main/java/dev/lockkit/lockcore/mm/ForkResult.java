package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.types.MmStruct;

/**
 * What {@link Kernel#fork} returns.
 *
 * @param error 0 or a negative errno ({@code -EINTR} when killed while waiting for the lock)
 * @param child the child's address space, or null on error
 */
public record ForkResult(int error, MmStruct child) {}
