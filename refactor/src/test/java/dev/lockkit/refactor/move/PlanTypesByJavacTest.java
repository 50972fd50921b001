package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The types a plan line names are javac's: looked up by their canonical names in the task that
 * attributes the origin, so a library type (the JDK's, a class-path jar's, nested at any depth) is
 * told from a type that does not exist, for the element and for the destination alike.
 */
class PlanTypesByJavacTest {

  @TempDir Path tmp;

  private Path tree() {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return 1; }\n\n"
            + "  public static final class Mid {\n    public static final class Inner {\n"
            + "      public static int g() { return 2; }\n    }\n  }\n}\n");
    return src;
  }

  private MoveTestSupport.Run run(Path src, String plan, String... more) throws Exception {
    Files.writeString(tmp.resolve("plan"), plan);
    List<String> args = new ArrayList<>(List.of("--plan", tmp.resolve("plan").toString()));
    args.addAll(List.of(more));
    args.add(src.toString());
    return move(args.toArray(String[]::new));
  }

  private void planError(Path src, String plan, String message, String... more) throws Exception {
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run(src, plan, more);
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(":1: " + message), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(before, snapshot(src));
  }

  /**
   * Whether or not a file of the tree spells the member's name (when none does, javac attributes no
   * unit at all, and is still asked), a JDK type of any nesting depth is a library type.
   */
  @Test
  void aJdkTypeNamedAsTheElementIsALibraryTypeNotAMissingOne() throws Exception {
    Path src = tree();
    planError(
        src,
        "move java.util.Collections#emptyList to a.U\n",
        "java.util.Collections is a library type, not in the given paths");
    planError(
        src,
        "move java.util.Map.Entry#comparingByKey to a.U\n",
        "java.util.Map.Entry is a library type, not in the given paths");
    write(
        src,
        "b/User.java",
        "package b;\n\nclass User {\n  Object o = java.util.Collections.emptyList();\n}\n");
    planError(
        src,
        "move java.util.Collections#emptyList to a.U\n",
        "java.util.Collections is a library type, not in the given paths");
    planError(
        src,
        "move java.util.Collections to a\n",
        "java.util.Collections is a library type, not in the given paths");
  }

  /** A jar with {@code l.L} and its member class {@code l.L.In}, as a library on the class path. */
  private Path libraryJar() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("lib/l"));
    Files.writeString(
        lib.resolve("L.java"),
        "package l;\n\npublic class L {\n  public static class In {\n"
            + "    public static int x() { return 0; }\n  }\n}\n");
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), lib.resolve("L.java").toString()));
    Path jar = tmp.resolve("l.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String c : List.of("l/L.class", "l/L$In.class")) {
        out.putNextEntry(new ZipEntry(c));
        out.write(Files.readAllBytes(classes.resolve(c)));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aClassPathTypeIsALibraryType() throws Exception {
    Path jar = libraryJar();
    Path src = tree();
    planError(
        src,
        "move l.L.In#x to a.U\n",
        "l.L.In is a library type, not in the given paths",
        "--classpath",
        jar.toString());
    // Without the jar javac has no such type: the project's nearest names are offered instead.
    MoveTestSupport.Run r = run(src, "move l.L.In#x to a.U\n");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(":1: no type l.L.In in the given paths"), r.err());
  }

  @Test
  void aLibraryTypeAsTheDestinationIsRefusedNotCreated() throws Exception {
    Path jar = libraryJar();
    Path src = tree();
    planError(
        src,
        "move a.T#f to l.L\n",
        "destination l.L is a library type, not in the given paths",
        "--classpath",
        jar.toString());
    write(src, "c/C.java", "package c;\n\npublic final class C {}\n");
    planError(
        src,
        "move c.C to l.L.In\n",
        "destination l.L.In is a library type, not in the given paths",
        "--classpath",
        jar.toString());
    assertFalse(Files.exists(src.resolve("l")));
  }

  /** A type nested at any depth is found by javac's canonical name and moves as before. */
  @Test
  void aNestedTypeOfTheTreeIsFoundAtAnyDepth() throws Exception {
    Path src = tree();
    MoveTestSupport.Run r = run(src, "move a.T.Mid.Inner#g to a.U\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("a/U.java")).contains("return 2;"));
    planError(
        src,
        "move a.T.Mid.Iner#g to a.V\n",
        "no type a.T.Mid.Iner in the given paths; nearest: a.T.Mid.Inner");
  }
}
