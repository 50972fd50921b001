package dev.lockkit.refactor.migrate.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Types are compared as javac prints them, without type-use annotations (JLS 4.11). */
class TypeFitTest {

  @Test
  void aTypeUseAnnotationOnAnArrayGoesWithTheSpaceBeforeItsBrackets() {
    assertEquals("java.lang.String[]", TypeFit.print("java.lang.String @a.N []"));
  }

  @Test
  void anAnnotationWhoseStringArgumentHoldsAParenthesisIsDroppedWhole() {
    assertEquals(
        "java.util.List<java.lang.String>",
        TypeFit.print("java.util.List<@a.N(\")\") java.lang.String>"));
    assertEquals(
        "java.util.Map<java.lang.String,java.lang.Integer>",
        TypeFit.print("java.util.Map<@a.N(value=')') java.lang.String, java.lang.Integer>"));
  }

  @Test
  void aQualifiedTypesAnnotationIsDropped() {
    assertEquals(
        "com.google.common.base.Equivalence<java.lang.Object>",
        TypeFit.print(
            "com.google.common.base.@org.jspecify.annotations.Nullable"
                + " Equivalence<java.lang.Object>"));
  }
}
