package dev.lockkit.golden.matrix;

import java.util.List;
import java.util.Set;

/**
 * Where the matrix comes from: the valid configurations of a feature model. The only interface
 * golden needs from a Kconfig model, so lockcore's own enumeration and the analyzer's Kconfig
 * solver are interchangeable behind it.
 */
public interface VariantSource {

  /** Human-readable origin, e.g. {@code lockcore/Kconfig}. */
  String description();

  /** Every option name of the model. */
  Set<String> options();

  /** Every valid configuration, sorted by {@link Variant#id()}. */
  List<Variant> variants();

  /** A fixed list of variants (tests, or a pre-computed sample). */
  static VariantSource of(String description, Set<String> options, List<Variant> variants) {
    List<Variant> sorted = variants.stream().sorted().toList();
    Set<String> opts = Set.copyOf(options);
    return new VariantSource() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public Set<String> options() {
        return opts;
      }

      @Override
      public List<Variant> variants() {
        return sorted;
      }
    };
  }
}
