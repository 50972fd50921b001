package dev.lockkit.refactor.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.lang.model.element.TypeElement;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac finds a type by its canonical name in the task of an attribution, and says which source
 * file it read it from. The null a move's plan resolution once got for a JDK type was no task at
 * all: an attribution of no units runs no javac, which {@link Attribution#withLookups} does.
 */
class TypeNamedTest {

  @TempDir Path tmp;
  private Path src;
  private Path jar;
  private Path unit;
  private final String text =
      "package p;\n\npublic class A {\n  public static class N {\n"
          + "    public static class M {}\n  }\n}\n";

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    unit = Files.createDirectories(src.resolve("p")).resolve("A.java");
    Files.writeString(unit, text);
    Files.writeString(src.resolve("p/B.java"), "package p;\n\npublic class B {}\n");
    Path lib = Files.createDirectories(tmp.resolve("lib/l"));
    Files.writeString(lib.resolve("L.java"), "package l;\n\npublic class L {}\n");
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), lib.resolve("L.java").toString()));
    jar = tmp.resolve("l.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("l/L.class"));
      out.write(Files.readAllBytes(classes.resolve("l/L.class")));
      out.closeEntry();
    }
  }

  /** Units, source-path files, class-path jars and the JDK, nested at any depth, loaded or not. */
  private void findsEveryKindOfType(Attribution a) {
    assertEquals(unit.toAbsolutePath().normalize(), a.sourceFileOf(a.typeNamed("p.A.N.M")));
    assertEquals(
        src.resolve("p/B.java").toAbsolutePath().normalize(), a.sourceFileOf(a.typeNamed("p.B")));
    for (String library :
        List.of("l.L", "java.util.concurrent.Flow.Subscriber", "javax.swing.JButton")) {
      TypeElement t = a.typeNamed(library);
      assertNotNull(t, library);
      assertNull(a.sourceFileOf(t), library);
    }
    assertNull(a.typeNamed("p.Nope"));
    assertNull(a.typeNamed("java.util.Map$Entry"), "a binary name is not a canonical name");
  }

  @Test
  void javacFindsTypesOfAnyOriginAfterTheUnitsOnlyAnalysis() {
    List<Attribution.Unit> units = List.of(new Attribution.Unit(unit, text));
    try (Attribution.Session s = new Attribution.Session(List.of(src), List.of(jar))) {
      findsEveryKindOfType(Attribution.of(s, units));
    }
    // Its session closed (this form closes its own): javac still completes what it had not read.
    findsEveryKindOfType(Attribution.of(units, List.of(src), List.of(jar)));
  }

  @Test
  void noUnitsMeansNoJavacToAskUnlessLookupsAreAskedFor() {
    try (Attribution.Session s = new Attribution.Session(List.of(src), List.of(jar))) {
      assertNull(Attribution.of(s, List.of()).typeNamed("java.util.Collections"));
      Attribution a = Attribution.withLookups(s, List.of());
      findsEveryKindOfType(a);
      assertNull(a.sourceFileOf(a.typeNamed("java.util.Collections")));
    }
  }
}
