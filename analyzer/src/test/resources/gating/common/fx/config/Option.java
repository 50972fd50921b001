package fx.config;

/** The options of the fixture Kconfig. */
public enum Option {
  MMU,
  SMP,
  ARCH_SUPPORTS_PER_VMA_LOCK,
  STACK_GROWSUP,
  PER_VMA_LOCK,
  LOCK_MM_AND_FIND_VMA,
  DEBUG_LOCK_ALLOC
}
