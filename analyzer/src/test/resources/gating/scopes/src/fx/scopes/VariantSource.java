package fx.scopes;

import java.util.List;
import java.util.Set;

/**
 * The shape of golden's VariantSource: an interface whose static factory returns an anonymous
 * implementation. The anonymous class's description() overrides the interface's; it is not a second
 * definition of VariantSource#description().
 */
public interface VariantSource {
  String description();

  Set<String> options();

  List<String> variants();

  static VariantSource of(String description, Set<String> options, List<String> variants) {
    List<String> sorted = variants.stream().sorted().toList();
    return new VariantSource() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public Set<String> options() {
        return options;
      }

      @Override
      public List<String> variants() {
        return sorted;
      }
    };
  }
}
