package dev.lockkit.lockcore.config;

/**
 * The kernel configuration options that change lockcore's code, with their Kconfig dependencies.
 *
 * <p>The dependency of each option is written as a Kconfig {@code depends on} expression and parsed
 * by {@link ConfigExpr}; {@code lockcore/Kconfig} states the same rules and {@code
 * KconfigAgreementTest} checks that both agree on every assignment. Declaration order is the
 * canonical order used when configurations are enumerated.
 */
public enum Option {
  /**
   * Paged memory management. NOMMU is {@code !MMU}: the kernel has no CONFIG_NOMMU symbol, and
   * {@code mm/nommu.c} is built exactly when MMU is off.
   */
  MMU(""),
  /** Symmetric multi-processing; per-VMA locks are pointless without concurrency. */
  SMP(""),
  /** Selected by architectures whose fault handlers try the per-VMA lock first. */
  ARCH_SUPPORTS_PER_VMA_LOCK(""),
  /** Per-VMA locks ({@code mm/Kconfig}: depends on ARCH_SUPPORTS_PER_VMA_LOCK, MMU and SMP). */
  PER_VMA_LOCK("MMU && SMP && ARCH_SUPPORTS_PER_VMA_LOCK"),
  /**
   * The generic fault-path helper {@code lock_mm_and_find_vma()} in its MMU form ({@code
   * mm/Kconfig}: depends on !STACK_GROWSUP; lockcore also requires MMU because the MMU helper lives
   * in MMU-only code, while NOMMU has its own definition that does not need this option).
   */
  LOCK_MM_AND_FIND_VMA("MMU && !STACK_GROWSUP"),
  /**
   * The stack grows towards higher addresses (parisc). Only parisc defines it, and parisc is
   * MMU-only; NOMMU kernels never grow a stack VMA at all ({@code nommu.c}'s {@code
   * expand_stack_locked()} just fails), so the option depends on MMU.
   */
  STACK_GROWSUP("MMU"),
  /** Lock dependency tracking (lockdep's {@code lockdep_map} in every lock). */
  DEBUG_LOCK_ALLOC(""),
  /** The tracing infrastructure, which carries the mmap_lock tracepoints. */
  TRACING(""),
  /**
   * VMA lock event counters ({@code mm/Kconfig.debug}: depends on PER_VMA_LOCK, because the events
   * exist only on the per-VMA lock path).
   */
  PER_VMA_LOCK_STATS("PER_VMA_LOCK");

  private final String dependsOn;

  Option(String dependsOn) {
    this.dependsOn = dependsOn;
  }

  /** The Kconfig {@code depends on} expression of this option; empty when it has none. */
  public String dependsOn() {
    return dependsOn;
  }

  /** The parsed dependency; {@link ConfigExpr#TRUE} when the option has none. */
  public ConfigExpr dependency() {
    return dependsOn.isEmpty() ? ConfigExpr.TRUE : ConfigExpr.parse(dependsOn);
  }
}
