package fx.scopes;

import fx.config.VariantPoint;

/**
 * A variation point with a static helper: calling the helper needs no implementation (it is
 * defined right here), so a configuration without one is not a missing definition.
 */
@VariantPoint
public interface Clock {
  String UNIT = "ns";

  long now();

  static String describe() {
    return "clock in " + UNIT;
  }
}
