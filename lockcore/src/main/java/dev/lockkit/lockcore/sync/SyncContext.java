package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;

/**
 * What every primitive of one booted kernel shares: its {@link Config}, its {@link Reports}, its
 * {@link Rcu}, its exception table and, with DEBUG_LOCK_ALLOC, its {@link Lockdep}. Immutable after
 * construction; it is handed to task threads only after it is built.
 */
public final class SyncContext {
  private final Config config;
  private final Reports reports = new Reports();
  private final Rcu rcu;
  private final ExceptionTable exceptionTable;

  // Written once in the constructor, before the context is published to any other task.
  @IfConfig("DEBUG_LOCK_ALLOC")
  private Lockdep lockdep;

  /** A context for a kernel booted with {@code config}. */
  public SyncContext(Config config, ExceptionTable exceptionTable) {
    this.config = config;
    this.exceptionTable = exceptionTable;
    this.rcu = new Rcu(reports);
    if (config.isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      this.lockdep = new Lockdep(reports);
    }
  }

  /** The configuration the kernel was booted with. */
  public Config config() {
    return config;
  }

  /** The kernel's report log. */
  public Reports reports() {
    return reports;
  }

  /** The kernel's RCU. */
  public Rcu rcu() {
    return rcu;
  }

  /** {@code __ex_table}. */
  public ExceptionTable exceptionTable() {
    return exceptionTable;
  }

  /** The kernel's lock validator. */
  @IfConfig("DEBUG_LOCK_ALLOC")
  public Lockdep lockdep() {
    return lockdep;
  }
}
