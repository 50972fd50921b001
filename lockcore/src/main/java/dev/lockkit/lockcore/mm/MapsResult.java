package dev.lockkit.lockcore.mm;

import java.util.List;

/**
 * What {@link Kernel#readMaps} returns.
 *
 * @param error 0 or a negative errno ({@code -EINTR})
 * @param lines the {@code /proc/pid/maps} lines, in address order (empty on error)
 */
public record MapsResult(int error, List<String> lines) {}
