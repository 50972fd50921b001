/**
 * golden's engine for unmodified Java code. {@link dev.lockkit.golden.jvm.InstrumentingLoader}
 * loads the classes under test through {@link dev.lockkit.golden.jvm.Instrumenter} (ASM), which
 * turns every operation where threads share or synchronise into a call to {@link
 * dev.lockkit.golden.jvm.Rt}; on a task thread that call is a scheduling point of the task's {@code
 * JvmScheduler}, which models monitors, locks, conditions, park permits, joins, futures, semaphores
 * and executor pools, and (through {@code JdkQueues}, {@code JdkHandoffs}, {@code JdkBarriers}) the
 * waits of the JDK's blocking queues, exchangers, barriers and phasers, so that blocking is part of
 * the search, and runs its tasks on pooled threads that hand the turn to each other directly
 * ({@code Handoff}). {@link dev.lockkit.golden.jvm.JvmExplorer} drives the same searches as the
 * lockcore path ({@code explore.Search}) and says what it could not see. Imports nothing of
 * lockcore.
 */
package dev.lockkit.golden.jvm;
