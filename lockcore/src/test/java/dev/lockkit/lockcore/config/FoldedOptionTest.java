package dev.lockkit.lockcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * {@link Config#isEnabled} answers each configuration by its own options while several coexist
 * (this JVM has made every valid one, so no option is folded here; {@code FoldedConfigSwitchTest}
 * covers the folded state and the switch in JVMs of their own).
 */
class FoldedOptionTest {

  @Test
  void everyValidConfigurationAnswersEachOptionByItsOwnSet() {
    for (Config c : Config.allValid()) {
      for (Option o : Option.values()) {
        assertEquals(c.enabledOptions().contains(o), c.isEnabled(o), c + " " + o);
      }
    }
  }

  @Test
  void onceConfigurationsDisagreeOnAnOptionItIsNoLongerFolded() {
    Config.allValid(); // every option is on in some and off in others
    for (Option o : Option.values()) {
      assertFalse(Config.isFolded(o), o.name());
    }
  }
}
