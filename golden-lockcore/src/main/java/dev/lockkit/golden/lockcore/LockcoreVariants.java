package dev.lockkit.golden.lockcore;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** lockcore's own enumeration of its valid configurations ({@code Config.allValid()}). */
public final class LockcoreVariants implements VariantSource {

  @Override
  public String description() {
    return "lockcore Config.allValid()";
  }

  @Override
  public Set<String> options() {
    Set<String> out = new LinkedHashSet<>();
    for (Option o : Option.values()) {
      out.add(o.name());
    }
    return out;
  }

  @Override
  public List<Variant> variants() {
    return Config.allValid().stream().map(LockcoreVariants::variant).sorted().toList();
  }

  /** The variant of a lockcore configuration. */
  public static Variant variant(Config c) {
    Set<String> names = new LinkedHashSet<>();
    for (Option o : c.enabledOptions()) {
      names.add(o.name());
    }
    return new Variant(names);
  }

  /** The lockcore configuration of a variant. */
  public static Config config(Variant v) {
    Config.Builder b = Config.builder();
    for (String name : v.enabled()) {
      b.enable(Option.valueOf(name));
    }
    return b.build();
  }
}
