/**
 * lockcore's scenario vocabulary, outside golden's core: the memory operations ({@link
 * dev.lockkit.golden.lockcore.memory.MemoryOp}), the initial address space's {@link
 * dev.lockkit.golden.lockcore.memory.Vma} setup lines, address syntax and checks ({@link
 * dev.lockkit.golden.lockcore.memory.Addresses}), and {@link
 * dev.lockkit.golden.lockcore.memory.MemoryOperations}, which reads them from {@code .scn} lines.
 * golden's {@code ScenarioParser} hands it every operation and {@code vma} line of a lockcore
 * scenario.
 */
package dev.lockkit.golden.lockcore.memory;
