package dev.lockkit.refactor.move.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.plan.MoveOp;
import dev.lockkit.refactor.move.plan.PlanException;
import dev.lockkit.refactor.move.plan.PlanParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElementResolverTest {

  @TempDir Path dir;
  private JavaProject project;
  private Attribution javac;

  @BeforeEach
  void sources() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve("a/c"));
    Files.writeString(
        dir.resolve("a/b/Util.java"),
        "package a.b;\n"
            + "public class Util {\n"
            + "  public static int size(String s) { return 0; }\n"
            + "  public static int size(java.util.List<String> l, int x) { return 0; }\n"
            + "  public static int sizes(int... xs) { return 0; }\n"
            + "  public static final int A = 1, B = 2;\n"
            + "  public static final int LIMIT = 3;\n"
            + "  public int instance() { return 0; }\n"
            + "  public static class Nested {}\n"
            + "}\n");
    Files.writeString(dir.resolve("a/c/Broken.java"), "package a.c;\nclass Broken {{{\n");
    project = JavaProject.load(List.of(dir));
    // The overloads' parameter types are javac's: attribute the parsed files, as a move does.
    List<Attribution.Unit> units = new ArrayList<>();
    for (ParsedFile f : project.files()) {
      if (f.parsed()) {
        units.add(new Attribution.Unit(f.source().path(), f.source().text()));
      }
    }
    javac = Attribution.of(units, List.of(dir), List.of());
  }

  private MovedElement resolve(String line) throws PlanException {
    MoveOp op = PlanParser.parse("t.plan", line).get(0);
    return new ElementResolver(project, javac).resolve(op);
  }

  private String error(String line) {
    return assertThrows(PlanException.class, () -> resolve(line)).getMessage();
  }

  @Test
  void overloadIsChosenBySimpleOrQualifiedParameterTypes() throws Exception {
    assertEquals(
        "size(String)", resolve("move a.b.Util#size(java.lang.String) to a.c.New").signature());
    assertEquals(
        "size(List,int)", resolve("move a.b.Util#size(List<String>, int) to a.c.New").signature());
    assertEquals("sizes(int[])", resolve("move a.b.Util#sizes(int...) to a.c.New").signature());
  }

  @Test
  void overloadWithoutParametersListsTheCandidates() {
    assertEquals(
        "t.plan:1: several overloads match a.b.Util#size; give the parameter list of one of: "
            + "a.b.Util#size(List,int), a.b.Util#size(String)",
        error("move a.b.Util#size to a.c.New"));
  }

  @Test
  void unknownMemberSuggestsNearestNames() {
    assertEquals(
        "t.plan:1: a.b.Util has no member named sise; nearest: size, sizes",
        error("move a.b.Util#sise to a.c.New"));
  }

  @Test
  void unknownTypeSuggestsNearestTypes() {
    assertTrue(
        error("move a.b.Utl#size to a.c.New")
            .contains("no type a.b.Utl in the given paths; nearest: a.b.Util"));
  }

  @Test
  void instanceMemberIsRefusedWithTheReason() {
    assertTrue(
        error("move a.b.Util#instance to a.c.New")
            .contains(
                "is an instance member; only static members can be moved (make it static first)"));
  }

  @Test
  void packageDestinationForAMemberIsRefused() {
    assertEquals(
        "t.plan:1: a.b is a package; a member must move to a type (e.g. a.b.Util)",
        error("move a.b.Util#LIMIT to a.b"));
  }

  @Test
  void destinationFileThatDoesNotParseIsRefused() {
    assertTrue(
        error("move a.b.Util#LIMIT to a.c.Broken").startsWith("t.plan:1: destination file "),
        error("move a.b.Util#LIMIT to a.c.Broken"));
    assertTrue(error("move a.b.Util#LIMIT to a.c.Broken").contains("Broken.java does not parse"));
  }

  @Test
  void fieldDeclaredWithOthersMustBeSplitFirst() {
    assertTrue(error("move a.b.Util#B to a.c.New").contains("is declared together with [A, B]"));
  }

  @Test
  void nestedMemberTypesAreUnsupportedAndATypeCannotMoveIntoItself() throws Exception {
    assertTrue(
        error("move a.b.Util#Nested to a.c.New")
            .contains("moving nested types is not supported yet"));
    MoveOp op = PlanParser.parse("t.plan", "move a.b.Util to a.b.Util").get(0);
    String intoType =
        assertThrows(PlanException.class, () -> new ElementResolver(project, javac).resolveType(op))
            .getMessage();
    assertEquals("t.plan:1: cannot move a.b.Util into itself (a.b.Util)", intoType);
  }

  @Test
  void aWholeTypeMovesToAPackageDirectoryInItsRoot() throws Exception {
    MovedType t =
        new ElementResolver(project, javac)
            .resolveType(PlanParser.parse("t.plan", "move a.b.Util to a.d").get(0));
    assertEquals("a.d.Util", t.newFqn());
    assertEquals(dir.resolve("a/d/Util.java").toAbsolutePath().normalize(), t.newFile());
  }

  @Test
  void missingDestinationBecomesANewFileInTheOriginRoot() throws Exception {
    MovedElement m = resolve("move a.b.Util#LIMIT to a.c.Limits");
    assertTrue(m.destination().isNew());
    assertEquals(
        dir.resolve("a/c/Limits.java").toAbsolutePath().normalize(), m.destination().newFile());
  }
}
