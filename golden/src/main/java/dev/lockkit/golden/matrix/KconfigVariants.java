package dev.lockkit.golden.matrix;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The valid configurations of any Kconfig file, from the analyzer's feature model (SAT
 * enumeration), or its pairwise-covering sample when the full matrix is too large.
 */
public final class KconfigVariants implements VariantSource {

  /** Which configurations to take. */
  public enum Sample {
    /** Every valid configuration. */
    ALL,
    /** A sample covering every feasible pair of option values. */
    PAIRWISE
  }

  private final Path kconfig;
  private final Sample sample;
  private final Set<String> options;
  private final List<Variant> variants;

  private KconfigVariants(Path kconfig, Sample sample, FeatureModel model) {
    this.kconfig = kconfig;
    this.sample = sample;
    this.options = new TreeSet<>(model.symbolNames());
    List<SortedMap<String, Boolean>> configs =
        sample == Sample.ALL ? model.allValidConfigurations() : model.pairwiseSample();
    List<Variant> out = new ArrayList<>();
    for (SortedMap<String, Boolean> c : configs) {
      Set<String> on = new TreeSet<>();
      for (Map.Entry<String, Boolean> e : c.entrySet()) {
        if (e.getValue()) {
          on.add(e.getKey());
        }
      }
      out.add(new Variant(on));
    }
    this.variants = out.stream().distinct().sorted().toList();
  }

  /**
   * Reads {@code kconfig}.
   *
   * @throws KconfigException with {@code file:line:} for bad input
   */
  public static KconfigVariants load(Path kconfig, Sample sample) throws KconfigException {
    return new KconfigVariants(kconfig, sample, KconfigParser.parse(kconfig));
  }

  @Override
  public String description() {
    return kconfig + (sample == Sample.PAIRWISE ? " (pairwise sample)" : "");
  }

  @Override
  public Set<String> options() {
    return options;
  }

  @Override
  public List<Variant> variants() {
    return variants;
  }
}
