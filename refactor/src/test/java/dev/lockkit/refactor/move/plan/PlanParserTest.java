package dev.lockkit.refactor.move.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanParserTest {

  @Test
  void parsesMembersWithAndWithoutParameterListsAndSkipsComments() throws Exception {
    List<MoveOp> ops =
        PlanParser.parse(
            "p.plan",
            "# header comment\n"
                + "\n"
                + "move r.mm.Memory#lockVmaUnderRcu(r.types.Mm,  long) to r.lock.VmaLock  # why\n"
                + "move r.mm.Memory#handleFault to r.lock.Faults\n"
                + "move r.mm.Memory#none() to r.lock.Faults\n"
                + "move r.mm.Helper to r.lock\n");
    assertEquals(4, ops.size());
    MoveOp first = ops.get(0);
    assertEquals(3, first.line());
    assertEquals("r.mm.Memory", first.element().type());
    assertEquals("lockVmaUnderRcu", first.element().member());
    assertEquals(List.of("r.types.Mm", "long"), first.element().params());
    assertEquals("r.lock.VmaLock", first.destination());
    assertNull(ops.get(1).element().params());
    assertEquals(List.of(), ops.get(2).element().params());
    assertTrue(!ops.get(3).element().isMember());
    assertEquals("p.plan:6", ops.get(3).where());
  }

  @Test
  void normalisesGenericsVarargsAndSpacesInParameterTypes() throws Exception {
    MoveOp op =
        PlanParser.parse(
                "p", "move a.B#m(java.util.Map<String, List<Integer>> , String ...) to a.C")
            .get(0);
    assertEquals(List.of("java.util.Map", "String[]"), op.element().params());
  }

  @Test
  void annotationArgumentsWithParenthesesCommasAndStringsStayInTheirParameter() throws Exception {
    MoveOp op =
        PlanParser.parse(
                "p",
                "move a.B#m(java.util.List<java.lang.@n.N(\"x, (y)\") String>,"
                    + " @n.M(a = 1, b = 2) int) to a.C")
            .get(0);
    assertEquals(List.of("java.util.List", "int"), op.element().params());
  }

  @Test
  void unknownVerbNamesFileLineAndVerb() {
    PlanException e =
        assertThrows(
            PlanException.class,
            () -> PlanParser.parse("x.plan", "move a.B#c to d.E\ncopy a.B#c to d.E\n"));
    assertEquals("x.plan:2: unknown verb 'copy' (the only verb is 'move')", e.getMessage());
  }

  @Test
  void malformedLineNamesFileLineAndExpectedShape() {
    PlanException e =
        assertThrows(PlanException.class, () -> PlanParser.parse("x.plan", "move a.B#c into d.E"));
    assertTrue(
        e.getMessage().startsWith("x.plan:1: cannot parse 'move a.B#c into d.E'"), e.getMessage());
  }

  @Test
  void emptyPlanIsAnError() {
    PlanException e =
        assertThrows(PlanException.class, () -> PlanParser.parse("x.plan", "# nothing\n"));
    assertEquals("x.plan: plan has no operations", e.getMessage());
  }

  @Test
  void destinationsJavacWouldRefuseAreRefusedWithTheLine() {
    PlanException keyword =
        assertThrows(
            PlanException.class, () -> PlanParser.parse("p.plan", "move a.B#f to app.int.Loud\n"));
    assertEquals(
        "p.plan:1: destination app.int.Loud: 'int' is a Java keyword, not a name javac accepts",
        keyword.getMessage());
    PlanException platform =
        assertThrows(
            PlanException.class,
            () -> PlanParser.parse("p.plan", "\nmove a.B#f to java.lang.Loud\n"));
    assertEquals(
        "p.plan:2: destination java.lang.Loud: packages under java. belong to the JDK; javac"
            + " refuses other code in them",
        platform.getMessage());
    assertThrows(PlanException.class, () -> PlanParser.parse("p.plan", "move a.B to x.true\n"));
    assertEquals(1, assertDoesNotThrowParse("move a.B to javax2.Loud\n"));
  }

  private static int assertDoesNotThrowParse(String text) {
    try {
      return PlanParser.parse("p.plan", text).size();
    } catch (PlanException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
