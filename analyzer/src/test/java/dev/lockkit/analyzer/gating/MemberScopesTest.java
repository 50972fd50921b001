package dev.lockkit.analyzer.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.gating.members.CodeModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which declarations are members of which type. Regression for lockkit's own dogfood run, where the
 * methods of anonymous classes ({@code VariantSource.of}'s {@code new VariantSource() {...}},
 * Selector's {@code new Expr() {...}}s) were taken for members of the enclosing type and reported
 * as {@code gate/duplicate-definition}. The fixture is {@code src/test/resources/gating/scopes}.
 */
class MemberScopesTest {
  private static final Path BASE = Path.of("src/test/resources/gating");
  private static GatingAnalyzer.Result result;

  @BeforeAll
  static void analyse() throws Exception {
    result =
        GatingAnalyzer.run(
            List.of(BASE.resolve("common"), BASE.resolve("scopes/src")),
            BASE.resolve("scopes/Kconfig"),
            true,
            Fixtures.GUARDS);
  }

  private static List<String> targets(String prefix) {
    return result.code().declarations().stream()
        .map(CodeModel.Declaration::target)
        .filter(t -> t.startsWith(prefix))
        .sorted()
        .toList();
  }

  private static List<Finding> duplicates() {
    return result.plainFindings().stream()
        .filter(f -> f.rule().equals("gate/duplicate-definition"))
        .toList();
  }

  @Test
  void anonymousClassMethodsAreNotMembersOfTheInterfaceTheyImplement() {
    assertEquals(
        List.of(
            "fx.scopes.VariantSource",
            "fx.scopes.VariantSource#description/0",
            "fx.scopes.VariantSource#of/3",
            "fx.scopes.VariantSource#options/0",
            "fx.scopes.VariantSource#variants/0"),
        targets("fx.scopes.VariantSource"));
  }

  @Test
  void anonymousClassesInANestedTypeDeclareNothingInIt() {
    assertEquals(
        List.of(
            "fx.scopes.Selector.Parser",
            "fx.scopes.Selector.Parser#binary/3",
            "fx.scopes.Selector.Parser#not/1",
            "fx.scopes.Selector.Parser#symbol/1"),
        targets("fx.scopes.Selector.Parser"));
  }

  @Test
  void enumConstantBodiesLocalClassesAndRecordsDeclareNothingInTheEnclosingType() {
    assertEquals(
        List.of(
            "fx.scopes.OtherScopes.Op",
            "fx.scopes.OtherScopes.Op#MINUS",
            "fx.scopes.OtherScopes.Op#PLUS",
            "fx.scopes.OtherScopes.Op#apply/2"),
        targets("fx.scopes.OtherScopes.Op"));
    assertEquals(
        List.of(
            "fx.scopes.OtherScopes#first/0",
            "fx.scopes.OtherScopes#second/0",
            "fx.scopes.OtherScopes#third/0"),
        result.code().declarations().stream()
            .map(CodeModel.Declaration::target)
            .filter(t -> t.startsWith("fx.scopes.OtherScopes#"))
            .sorted()
            .toList());
  }

  @Test
  void nestedTypesWithTheSameSimpleNameInDifferentOuterTypesAreDistinct() {
    assertEquals(
        List.of("fx.scopes.OtherScopes.Left.Node", "fx.scopes.OtherScopes.Left.Node#size/0"),
        targets("fx.scopes.OtherScopes.Left.Node"));
    assertEquals(
        List.of("fx.scopes.OtherScopes.Right.Node", "fx.scopes.OtherScopes.Right.Node#size/0"),
        targets("fx.scopes.OtherScopes.Right.Node"));
  }

  @Test
  void onlyMethodsWithTheSameErasureArePresentTwice() {
    // Not reported: anonymous or local class methods, enum constant bodies, same-arity overloads
    // with different parameter types, overrides of inherited and default methods, and one type
    // written two ways under exclusive conditions.
    assertEquals(
        List.of(
            "fx.scopes.Overloads#count(java.util.List): fx.scopes.Overloads#count/1"
                + " + fx.scopes.Overloads#count/1",
            "fx.scopes.Overloads#first(java.lang.Object): fx.scopes.Overloads#first/1"
                + " + fx.scopes.Overloads#first/1",
            "fx.scopes.Overloads#sum(int[]): fx.scopes.Overloads#sum/1"
                + " + fx.scopes.Overloads#sum/1"),
        duplicates().stream().map(Finding::key).sorted().toList());
    Finding count =
        duplicates().stream().filter(f -> f.key().contains("#count(")).findFirst().orElseThrow();
    assertEquals(Boolean.TRUE, count.witness().get("MMU"));
    assertEquals(Boolean.TRUE, count.witness().get("SMP"));
  }

  @Test
  void codeInsideAnonymousAndLocalClassesStillCarriesItsPresenceCondition() {
    // Helper in first() is built under @IfConfig("MMU"): its reference to the record Pair (a
    // project-unknown local type) is dropped, but the lambda's body is still code of first().
    assertTrue(
        result.code().sites().stream()
            .anyMatch(s -> s.element().equals("fx.scopes.OtherScopes#first/0")));
    assertEquals(
        List.of(),
        result.plainFindings().stream()
            .filter(
                f -> f.rule().startsWith("gate/") && !f.rule().equals("gate/duplicate-definition"))
            .filter(f -> f.severity() != dev.lockkit.analyzer.finding.Severity.INFO)
            .toList());
  }

  @Test
  void usingOnlyStaticMembersOfAVariationPointNeedsNoImplementation() {
    assertEquals(
        List.of(),
        result.plainFindings().stream()
            .filter(f -> f.rule().equals("gate/missing-definition"))
            .toList());
    // The variation point was analysed: without MMU it has no implementation, and no use there.
    assertEquals(
        List.of("fx.scopes.Clock"),
        result.plainFindings().stream()
            .filter(f -> f.rule().equals("gate/declared-not-defined"))
            .map(Finding::key)
            .toList());
  }
}
