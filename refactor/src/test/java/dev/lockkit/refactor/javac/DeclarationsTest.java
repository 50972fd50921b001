package dev.lockkit.refactor.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class DeclarationsTest {

  private static final String SOURCE =
      "package p;\n\nimport java.util.function.Supplier;\n\n"
          + "public class A<T> {\n"
          + "  static final String S = \"}{\" + '}' + \"\"\"\n    {\"\"\";\n"
          + "  static final Runnable R = () -> { System.out.println(\"body\"); };\n"
          + "  static final Object O = new Object() { public String toString() { return \"o\"; } };\n"
          + "  @SuppressWarnings({\"a\", \"b\"}) int[] xs = {1, 2};\n"
          + "  static { System.out.println(); }\n"
          + "  A() { this(1); }\n"
          + "  A(int x) {}\n"
          + "  <U extends T> U id(U u) throws IllegalStateException, RuntimeException {\n"
          + "    class Local { int f() { return 1; } } // }\n"
          + "    /* } */ return u;\n  }\n"
          + "  enum E { X { int f() { return 1; } }, Y(2) { int f() { return 2; } }; E() {} E(int i) {}"
          + " int f() { return 0; } }\n"
          + "  record R2(int a) { R2 { if (a < 0) throw new IllegalArgumentException(); } int b() {"
          + " return a; } }\n"
          + "  interface I { default int g() { return 1; } Supplier<String> s = () -> \"x\"; }\n"
          + "  Class<?> c = A.class;\n"
          + "}\n";

  @Test
  void methodBodiesGoAndEverythingElseStaysAndStillCompiles() throws Exception {
    String out = Declarations.strip(SOURCE);
    assertFalse(out.contains("class Local"), out);
    assertFalse(out.contains("return u;"), out);
    assertFalse(out.contains("return a;"), out);
    assertTrue(
        out.contains("static final Runnable R = () -> { System.out.println(\"body\"); };"), out);
    assertTrue(out.contains("public String toString() { return \"o\"; }"), out);
    assertTrue(out.contains("X { int f() { throw null; } }"), out);
    assertTrue(out.contains("xs = {1, 2};"), out);
    assertTrue(out.contains("static { System.out.println(); }"), out);
    assertTrue(out.contains("if (a < 0)"), out); // a compact constructor is kept
    DiagnosticCollector<JavaFileObject> d = new DiagnosticCollector<>();
    JavaFileObject f =
        new SimpleJavaFileObject(URI.create("string:///p/A.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignore) {
            return out;
          }
        };
    var task =
        (com.sun.source.util.JavacTask)
            ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, d, List.of("-proc:none"), null, List.of(f));
    task.analyze();
    assertEquals(List.of(), d.getDiagnostics().stream().map(Object::toString).toList());
  }

  @Test
  void commentsGoFromDeclarationsButStayInBlankedUnits() {
    String src =
        "/** Doc {@link A}. */\npublic class A { // line }\n  /* block { */ int x = 1; // tail\n}\n";
    String out = Declarations.strip(src);
    assertFalse(out.contains("Doc") || out.contains("line") || out.contains("block"), out);
    assertTrue(out.contains("public class A {"), out);
    assertTrue(out.contains("int x = 1;"), out);
    String blanked = Declarations.blank(src, java.util.Set.of("x"));
    assertEquals(src, blanked); // offsets are what units are matched by: nothing is dropped
  }

  @Test
  void anAnnotationElementsArrayDefaultIsKeptAsAnInitializerNotBlankedAsABody() {
    String src =
        "@interface Tags {\n  String[] value() default {\"aaaaaaaa\", \"bbbbbbbb\"};\n}\n"
            + "interface I {\n  default int f() { int x = 1 + 2 + 3 + 4 + 5; return x; }\n}\n";
    String blanked = Declarations.blank(src, java.util.Set.of());
    assertTrue(blanked.contains("default {\"aaaaaaaa\", \"bbbbbbbb\"};"), blanked);
    assertFalse(blanked.contains("1 + 2 + 3"), blanked); // a default method's body still goes
    assertEquals(src.length(), blanked.length());
  }

  @Test
  void aSourceItCannotFollowIsReturnedAsItIs() {
    assertEquals("class A { /* open", Declarations.strip("class A { /* open"));
  }

  @Test
  void blankingKeepsEveryOffsetAndTheBodiesThatSpellAName() {
    String out = Declarations.blank(SOURCE, java.util.Set.of("Local"));
    assertEquals(SOURCE.length(), out.length());
    assertTrue(out.contains("class Local"), out);
    assertEquals(SOURCE.lines().count(), out.lines().count());
    assertEquals(SOURCE.indexOf("Class<?> c"), out.indexOf("Class<?> c"));
  }

  /**
   * A blanked body must not give javac an error the original does not have (a missing return, a
   * final field left unassigned, an implicit super() the superclass lacks): each would make the
   * what-if attribute the tree before once more for its differential.
   */
  @Test
  void blankedBodiesGiveJavacNoErrorsOfTheirOwn() throws Exception {
    String src =
        "package p;\n"
            + "class Base { Base(int x) { } }\n"
            + "class A extends Base {\n"
            + "  private final int f;\n"
            + "  A(int x) {\n    super(x + 1);\n    f = x;\n    System.out.println(f);\n  }\n"
            + "  A() { this(/* ; */ 2); }\n"
            + "  int g(int y) {\n    int z = y * 2;\n    return z + f;\n  }\n"
            + "  int h() { return 1; }\n"
            + "  String s() {\r\n    return String.valueOf(h());\r\n  }\n"
            + "}\n";
    String out = Declarations.blank(src, java.util.Set.of("unused"));
    assertEquals(src.length(), out.length());
    assertEquals(src.lines().count(), out.lines().count());
    assertEquals(src.indexOf("int h()"), out.indexOf("int h()"));
    assertTrue(out.contains("super(x + 1); throw null;"), out);
    assertTrue(out.contains("this(/* ; */ 2);"), out); // too short for more: kept as it is
    assertTrue(out.contains("int h() { return 1; }"), out);
    assertFalse(out.contains("System.out") || out.contains("return z") || out.contains("valueOf"));
    DiagnosticCollector<JavaFileObject> d = new DiagnosticCollector<>();
    JavaFileObject f =
        new SimpleJavaFileObject(URI.create("string:///p/A.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignore) {
            return out;
          }
        };
    ((com.sun.source.util.JavacTask)
            ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, d, List.of("-proc:none"), null, List.of(f)))
        .analyze();
    assertEquals(List.of(), d.getDiagnostics().stream().map(Object::toString).toList());
  }

  /**
   * An import only a method body or a comment used goes (javac would complete the imported class
   * for nothing); one the declarations spell, on-demand imports and static imports of a spelled
   * member stay, offsets and line ends kept.
   */
  @Test
  void importsOnlyTheBodiesUsedAreDropped() {
    String src =
        "package p;\n\nimport java.util.List;\nimport java.util.Map;\nimport java.io.*;\n"
            + "import static java.util.Objects.requireNonNull;\nimport static java.lang.Math.max;\n"
            + "\n/** Uses {@link java.util.Set}. */\npublic class A {\n"
            + "  List<String> names() { Map<String, String> m = null; return null; }\n"
            + "  int x = max(1, 2);\n"
            + "}\n";
    String out = Declarations.withoutUnusedImports(Declarations.strip(src));
    assertTrue(out.contains("import java.util.List;"), out);
    assertFalse(out.contains("import java.util.Map;"), out);
    assertTrue(out.contains("import java.io.*;"), out);
    assertFalse(out.contains("requireNonNull"), out);
    assertTrue(out.contains("import static java.lang.Math.max;"), out);
    assertEquals(Declarations.strip(src).length(), out.length());
    assertEquals(
        Declarations.strip(src).lines().count(), out.lines().count(), "line ends are kept");
    String escaped = "package p;\nimport java.util.Map;\nclass \\u0041 {}\n";
    assertEquals(escaped, Declarations.withoutUnusedImports(escaped));
  }

  @Test
  void importsAPackageInfosAnnotationsNeedAreKept() {
    String src =
        "@CheckReturnValue\n@ParametersAreNonnullByDefault\npackage p;\n\n"
            + "import com.google.errorprone.annotations.CheckReturnValue;\n"
            + "import javax.annotation.ParametersAreNonnullByDefault;\n"
            + "import java.util.Map;\n";
    String out = Declarations.withoutUnusedImports(Declarations.strip(src));
    assertTrue(out.contains("import com.google.errorprone.annotations.CheckReturnValue;"), out);
    assertTrue(out.contains("import javax.annotation.ParametersAreNonnullByDefault;"), out);
    assertFalse(out.contains("import java.util.Map;"), out);
  }
}
