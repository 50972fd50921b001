/**
 * The mmap_lock tracepoints and the per-VMA lock event counters, delivered to a pluggable {@link
 * dev.lockkit.lockcore.trace.TraceSink} per booted kernel.
 *
 * <p>Mirrors {@code include/trace/events/mmap_lock.h} (the three tracepoints), the {@code
 * CONFIG_TRACING} half of {@code mm/mmap_lock.c} that emits them, and the {@code VMA_LOCK_*} items
 * of {@code include/linux/vm_event_item.h} with {@code count_vm_vma_lock_event()} from {@code
 * include/linux/vmstat.h}. Events name the mm through {@link
 * dev.lockkit.lockcore.trace.TraceSubject}, an interface in this lower layer that {@code
 * types.MmStruct} implements, so that trace does not depend on types.
 */
package dev.lockkit.lockcore.trace;
