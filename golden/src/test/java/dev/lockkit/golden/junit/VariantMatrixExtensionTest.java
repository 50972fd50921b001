package dev.lockkit.golden.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.matrix.VariantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;

class VariantMatrixExtensionTest {

  /** Four variants, one of which has B without A. */
  public static final class Source implements VariantSource {
    @Override
    public String description() {
      return "test matrix";
    }

    @Override
    public Set<String> options() {
      return Set.of("A", "B");
    }

    @Override
    public List<Variant> variants() {
      return List.of(
          new Variant(Set.of()),
          new Variant(Set.of("A")),
          new Variant(Set.of("A", "B")),
          new Variant(Set.of("B")));
    }
  }

  private static final Set<String> SEEN_ALL = ConcurrentHashMap.newKeySet();
  private static final Set<String> SEEN_SELECTED = ConcurrentHashMap.newKeySet();

  @VariantMatrixTest(source = Source.class)
  void runsOncePerVariantWithTheVariantInTheDisplayName(Variant variant, TestInfo info) {
    assertTrue(info.getDisplayName().endsWith("] " + variant.id()), info.getDisplayName());
    assertTrue(SEEN_ALL.add(variant.id()), "each variant once");
  }

  @VariantMatrixTest(source = Source.class, config = "B && !A")
  void runsOnlyWhereTheSelectorHolds(Variant variant) {
    assertEquals("B", variant.id());
    SEEN_SELECTED.add(variant.id());
  }

  @AfterAll
  static void everyVariantRan() {
    assertEquals(Set.of("none", "A", "A+B", "B"), SEEN_ALL);
    assertEquals(Set.of("B"), SEEN_SELECTED);
  }
}
