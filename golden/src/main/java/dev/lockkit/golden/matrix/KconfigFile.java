package dev.lockkit.golden.matrix;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A {@link VariantSource} over a project's own Kconfig file, for {@code @VariantMatrixTest(source =
 * ...)} (which needs a no-argument constructor):
 *
 * <pre>{@code
 * public final class CacheVariants extends KconfigFile {
 *   public CacheVariants() { super("Kconfig"); }   // relative to the module directory
 * }
 * }</pre>
 */
public abstract class KconfigFile implements VariantSource {

  private final KconfigVariants variants;

  /** Every valid configuration of {@code path}. */
  protected KconfigFile(String path) {
    try {
      this.variants = KconfigVariants.load(Path.of(path), KconfigVariants.Sample.ALL);
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    return variants.description();
  }

  @Override
  public Set<String> options() {
    return variants.options();
  }

  @Override
  public List<Variant> variants() {
    return variants.variants();
  }
}
