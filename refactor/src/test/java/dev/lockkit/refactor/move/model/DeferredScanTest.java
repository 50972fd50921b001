package dev.lockkit.refactor.move.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of files a what-if does not parse: each by the package its declaration names, read
 * exactly, and the types it may declare by a text scan (a superset, never missing a declaration
 * written without Unicode escapes).
 */
class DeferredScanTest {

  @TempDir Path tmp;

  private static void write(Path root, String rel, String text) throws Exception {
    Path f = root.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  /**
   * A line of a text block or a comment that starts with {@code package} declares nothing. The
   * earlier scan counted every such line, so a file like this one made {@code com.acme.Helpers}
   * look like a package of the project, and a move to a new type {@code com.acme.Helpers} was
   * refused as "a package".
   */
  @Test
  void onlyTheDeclarationNamesTheFilesPackage() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Template.java",
        "/*\npackage x.y;\n*/\npackage a;\n\nclass Template {\n  String s = \"\"\"\n"
            + "package com.acme.Helpers;\n    class Gen {}\n    \"\"\";\n}\n");
    write(src, "a/Other.java", "package a;\n\nclass Other {}\n");
    JavaProject p = JavaProject.load(List.of(src), Set.of("nothingSpellsThis"));
    assertEquals(List.of(), List.copyOf(p.files()), "every file is deferred");
    assertFalse(p.hasPackage("com.acme.Helpers"));
    assertFalse(p.hasPackage("x.y"));
    assertTrue(p.hasPackage("a"));
    assertNotNull(p.type("a.Template"));
    assertEquals(1, p.files().size(), "only the file the lookup needed is parsed");
  }

  @Test
  void aTypeIsFoundInTheFileOfItsPackageAndNested() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src, "a/b/Outer.java", "// lic\rpackage a.b;\rpublic class Outer { static class In {} }\r");
    write(src, "a/Outer.java", "package a;\n\npublic class Outer {}\n");
    JavaProject p = JavaProject.load(List.of(src), Set.of("nothingSpellsThis"));
    assertNotNull(p.type("a.b.Outer.In"));
    assertEquals(1, p.files().size(), "a.Outer is another package's file: not parsed");
    assertEquals(null, p.type("a.b.Missing"));
  }

  @Test
  void everyNameAfterATypeKeywordCounts() {
    assertEquals(
        Set.of("A", "B", "C", "R", "$D", "Ünï", "Foo"),
        JavaProject.declaredNames(
            "public final class A<T> {\n  interface B {}\n  enum C { X }\n  record R(int a) {}\n"
                + "  @interface $D {}\n  class\n    Ünï {}\n  Class<?> k = A.class; String s = \"class Foo\";\n"
                + "  int subclass = 1; void myrecord() {}\n}\n"));
  }
}
