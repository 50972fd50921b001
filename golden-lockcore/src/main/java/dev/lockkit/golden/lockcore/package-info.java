/**
 * golden's lockcore adapter, a module of its own ({@code dev.lockkit:golden-lockcore}) so that
 * golden's core knows nothing of lockcore: {@link dev.lockkit.golden.lockcore.LockcoreTarget} (the
 * scenario driver: boots lockcore for a variant, builds the address space, performs each scenario
 * operation through lockcore's fault path and mm writers, forwards its tracepoints and reports to
 * the harness, and snapshots the outcome), {@link dev.lockkit.golden.lockcore.LockcoreVariants}
 * (lockcore's own {@code Config.allValid()} as a variant source) and {@link
 * dev.lockkit.golden.lockcore.LockcorePlatform} (the bridge from golden's scheduling SPI to
 * lockcore's {@code sync.Platform}, bound per run and per thread). lockcore's scenario vocabulary
 * (the memory operations, VMAs and addresses of its {@code .scn} files) is the sub-package {@code
 * memory}.
 */
package dev.lockkit.golden.lockcore;
