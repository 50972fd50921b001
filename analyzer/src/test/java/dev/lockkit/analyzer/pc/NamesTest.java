package dev.lockkit.analyzer.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamesTest {
  private static final List<String> KNOWN =
      List.of("MMU", "SMP", "PER_VMA_LOCK", "PER_VMA_LOCK_STATS", "LOCK_MM_AND_FIND_VMA");

  @Test
  void misspelledPrefixedNameFindsTheOptionWithoutPrefix() {
    assertEquals("PER_VMA_LOCK", Names.nearest("CONFIG_PER_VMA_LOK", KNOWN, 3).get(0));
  }

  @Test
  void nommuSuggestsMmu() {
    assertEquals(List.of("MMU"), Names.nearest("NOMMU", KNOWN, 3));
  }

  @Test
  void unrelatedNamesGetNoSuggestion() {
    assertEquals(List.of(), Names.nearest("TRANSPARENT_HUGEPAGE", KNOWN, 3));
    assertEquals("", Names.didYouMean("TRANSPARENT_HUGEPAGE", KNOWN));
  }

  @Test
  void guardArgumentsNameTheirOption() {
    assertEquals(Optional.of("MMU"), Guards.optionOf("MMU"));
    assertEquals(Optional.of("MMU"), Guards.optionOf("Option.MMU"));
    assertEquals(Optional.of("PER_VMA_LOCK"), Guards.optionOf("dev.x.Option.PER_VMA_LOCK"));
    assertEquals(Optional.of("SMP"), Guards.optionOf("\"SMP\""));
    assertEquals(Optional.empty(), Guards.optionOf("option"));
    assertEquals(Optional.empty(), Guards.optionOf("options.get(0)"));
  }
}
