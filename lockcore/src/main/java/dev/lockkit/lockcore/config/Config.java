package dev.lockkit.lockcore.config;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable, valid kernel configuration: the set of enabled {@link Option}s. Build one with
 * {@link #builder()} or {@link #of(Map)}; both reject a configuration whose enabled options have
 * unmet dependencies, naming the first one in {@link Option} order.
 *
 * <p>{@link #isEnabled(Option)} is the Java {@code IS_ENABLED(CONFIG_X)}: use it directly as an
 * {@code if} condition so the analyzer's variant builder can fold it to a constant.
 */
public final class Config {

  // Made on first use, not when the class is initialised: making every configuration switches
  // every folded option to a test of the configuration (FoldedOption), which a library user who
  // boots one configuration never needs.
  private static final class AllValid {
    static final List<Config> ALL = enumerate();
  }

  private static final int OPTION_COUNT = Option.values().length;

  // One folded handle per option (see FoldedOption), static final so that C2 folds its target.
  private static final MethodHandle MMU = FoldedOption.invoker(Option.MMU.ordinal());
  private static final MethodHandle SMP = FoldedOption.invoker(Option.SMP.ordinal());
  private static final MethodHandle ARCH_SUPPORTS_PER_VMA_LOCK =
      FoldedOption.invoker(Option.ARCH_SUPPORTS_PER_VMA_LOCK.ordinal());
  private static final MethodHandle PER_VMA_LOCK =
      FoldedOption.invoker(Option.PER_VMA_LOCK.ordinal());
  private static final MethodHandle LOCK_MM_AND_FIND_VMA =
      FoldedOption.invoker(Option.LOCK_MM_AND_FIND_VMA.ordinal());
  private static final MethodHandle STACK_GROWSUP =
      FoldedOption.invoker(Option.STACK_GROWSUP.ordinal());
  private static final MethodHandle DEBUG_LOCK_ALLOC =
      FoldedOption.invoker(Option.DEBUG_LOCK_ALLOC.ordinal());
  private static final MethodHandle TRACING = FoldedOption.invoker(Option.TRACING.ordinal());
  private static final MethodHandle PER_VMA_LOCK_STATS =
      FoldedOption.invoker(Option.PER_VMA_LOCK_STATS.ordinal());

  private final Set<Option> enabled;
  // The same set as a bit per option ordinal: isEnabled() runs on every lock operation (lockdep and
  // tracepoint guards), and a mask test is one load and an AND where the unmodifiable set's
  // contains() is two interface calls (and none at all where the option is folded).
  private final long mask;
  private final String name;

  private Config(Set<Option> enabled) {
    this.enabled = Collections.unmodifiableSet(EnumSet.copyOf(enabled));
    long m = 0;
    for (Option o : enabled) {
      m |= 1L << o.ordinal();
    }
    this.mask = m;
    this.name = computeName(enabled);
    // Before this configuration is reachable by any thread: an option it disagrees on stops being
    // a folded constant now (see FoldedOption).
    FoldedOption.observe(m, OPTION_COUNT);
  }

  /** A builder starting with every option off. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration with exactly the options mapped to {@code true} enabled; missing options are
   * off.
   *
   * @throws InvalidConfigException if an enabled option's dependency is unmet
   */
  public static Config of(Map<Option, Boolean> values) {
    Builder b = builder();
    values.forEach(b::set);
    return b.build();
  }

  /**
   * Parses a {@link #name()}: comma-separated enabled options, or {@code none}.
   *
   * @throws IllegalArgumentException naming the unknown option, or {@link InvalidConfigException}
   */
  public static Config parse(String name) {
    Builder b = builder();
    String trimmed = name.trim();
    if (!trimmed.equals("none") && !trimmed.isEmpty()) {
      for (String part : trimmed.split(",")) {
        String opt = part.trim();
        try {
          b.enable(Option.valueOf(opt));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown option '" + opt + "' in configuration \"" + name + "\"", e);
        }
      }
    }
    return b.build();
  }

  /**
   * Every valid configuration, each exactly once, in a fixed order: assignments are counted as
   * binary numbers with {@link Option#MMU} as the least significant bit, and invalid ones skipped.
   */
  public static List<Config> allValid() {
    return AllValid.ALL;
  }

  /**
   * {@code IS_ENABLED(CONFIG_<option>)}. A constant in compiled code while every configuration made
   * in this JVM agrees on {@code option}, as it is in a compiled kernel (see {@link FoldedOption});
   * a test of this configuration's bit otherwise.
   */
  public boolean isEnabled(Option option) {
    try {
      // Identity compares, not a switch or an array: C2 folds them for a constant option, and a
      // static final handle is what it can inline with its call site's target as a constant.
      if (option == Option.DEBUG_LOCK_ALLOC) {
        return (boolean) DEBUG_LOCK_ALLOC.invokeExact(mask);
      }
      if (option == Option.PER_VMA_LOCK_STATS) {
        return (boolean) PER_VMA_LOCK_STATS.invokeExact(mask);
      }
      if (option == Option.TRACING) {
        return (boolean) TRACING.invokeExact(mask);
      }
      if (option == Option.PER_VMA_LOCK) {
        return (boolean) PER_VMA_LOCK.invokeExact(mask);
      }
      if (option == Option.MMU) {
        return (boolean) MMU.invokeExact(mask);
      }
      if (option == Option.STACK_GROWSUP) {
        return (boolean) STACK_GROWSUP.invokeExact(mask);
      }
      if (option == Option.LOCK_MM_AND_FIND_VMA) {
        return (boolean) LOCK_MM_AND_FIND_VMA.invokeExact(mask);
      }
      if (option == Option.SMP) {
        return (boolean) SMP.invokeExact(mask);
      }
      if (option == Option.ARCH_SUPPORTS_PER_VMA_LOCK) {
        return (boolean) ARCH_SUPPORTS_PER_VMA_LOCK.invokeExact(mask);
      }
    } catch (Throwable e) {
      throw new AssertionError("a folded option's handle threw", e);
    }
    // An option added to Option but not above: never folded, always right.
    return (mask & (1L << option.ordinal())) != 0;
  }

  /**
   * Whether {@code option} is folded to a constant for the JIT now: every configuration made so far
   * in this JVM agrees on it. Diagnostics: {@link #isEnabled} is right either way.
   */
  public static boolean isFolded(Option option) {
    return FoldedOption.isFolded(option.ordinal());
  }

  /** The enabled options, in {@link Option} order. */
  public Set<Option> enabledOptions() {
    return enabled;
  }

  /**
   * A stable name: the enabled options sorted alphabetically and joined with commas, e.g. {@code
   * "ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP"}, or {@code none}. {@link #parse} inverts it.
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config && ((Config) o).enabled.equals(enabled);
  }

  @Override
  public int hashCode() {
    return enabled.hashCode();
  }

  private static String computeName(Set<Option> enabled) {
    if (enabled.isEmpty()) {
      return "none";
    }
    Set<String> names = new TreeSet<>();
    enabled.forEach(o -> names.add(o.name()));
    return String.join(",", names);
  }

  private static List<Config> enumerate() {
    Option[] options = Option.values();
    List<Config> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << options.length); mask++) {
      Set<Option> set = EnumSet.noneOf(Option.class);
      for (Option o : options) {
        if ((mask & (1 << o.ordinal())) != 0) {
          set.add(o);
        }
      }
      if (firstViolation(set) == null) {
        out.add(new Config(set));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The message for the first enabled option (in Option order) whose dependency fails, or null. */
  static String firstViolation(Set<Option> set) {
    for (Option o : Option.values()) {
      if (!set.contains(o)) {
        continue;
      }
      for (ConfigExpr conjunct : o.dependency().conjuncts()) {
        if (!conjunct.eval(set::contains)) {
          return o.name() + "=y requires " + conjunct + ", " + describe(conjunct, set);
        }
      }
    }
    return null;
  }

  private static String describe(ConfigExpr unmet, Set<Option> set) {
    if (unmet instanceof ConfigExpr.Symbol) {
      return "which is n";
    }
    if (unmet instanceof ConfigExpr.Not
        && ((ConfigExpr.Not) unmet).operand() instanceof ConfigExpr.Symbol) {
      return "but " + ((ConfigExpr.Not) unmet).operand() + " is y";
    }
    return "which is n";
  }

  /** Collects option values, then validates them in {@link #build()}. */
  public static final class Builder {
    private final Set<Option> enabled = EnumSet.noneOf(Option.class);

    private Builder() {}

    /** Sets {@code option} to y. */
    public Builder enable(Option... options) {
      Collections.addAll(enabled, options);
      return this;
    }

    /** Sets {@code option} to n. */
    public Builder disable(Option option) {
      enabled.remove(option);
      return this;
    }

    /** Sets {@code option} to {@code value}. */
    public Builder set(Option option, boolean value) {
      return value ? enable(option) : disable(option);
    }

    /**
     * The configuration.
     *
     * @throws InvalidConfigException e.g. "PER_VMA_LOCK=y requires MMU, which is n"
     */
    public Config build() {
      String violation = firstViolation(enabled);
      if (violation != null) {
        Option bad = Option.valueOf(violation.substring(0, violation.indexOf('=')));
        throw new InvalidConfigException(bad, violation);
      }
      return new Config(enabled);
    }
  }
}
