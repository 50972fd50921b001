package dev.lockkit.refactor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The package declaration is read from a file's text as JavaParser would parse it. */
class PackageScanTest {

  @Test
  void thePackageAfterCommentsAndWhitespace() {
    assertEquals(
        Optional.of("com.example.util"),
        PackageScan.packageOf(
            "\uFEFF// licence\n/* block ; package wrong; */\n/** doc */\npackage com.example.util;\n"
                + "import java.util.List;\nclass A {}\n"));
  }

  @Test
  void aLineCommentEndsAtALoneCarriageReturn() {
    assertEquals(Optional.of("a.b"), PackageScan.packageOf("// lic\rpackage a.b;\rclass A {}\r"));
  }

  @Test
  void commentsAndSpacesInsideTheNameAreDropped() {
    assertEquals(
        Optional.of("a.b.c"), PackageScan.packageOf("package a /* x */ . b\n  .c ;\nclass A {}"));
  }

  @Test
  void packageAnnotationsWithArgumentsAreSkipped() {
    assertEquals(
        Optional.of("p.q"),
        PackageScan.packageOf(
            "@Deprecated\n@javax.annotation.Generated(value = {\"a;b)\", \"c\"}, comments = ')' +"
                + " \"\"\"\n  package x; )\n  \"\"\")\n@Nested(@Inner(1))\npackage p.q;\n"));
  }

  @Test
  void noPackageDeclaration() {
    assertEquals(Optional.empty(), PackageScan.packageOf("import java.util.List;\nclass A {}\n"));
    assertEquals(Optional.empty(), PackageScan.packageOf("class packaged {}\n"));
    assertEquals(Optional.empty(), PackageScan.packageOf("@interface Marker {}\n"));
    assertEquals(Optional.empty(), PackageScan.packageOf(""));
  }

  @Test
  void aDeclarationTheScanCannotReadGivesNoPackage() {
    assertEquals(Optional.empty(), PackageScan.packageOf("package a.;\n"));
    assertEquals(Optional.empty(), PackageScan.packageOf("package a.b\nclass A {}\n"));
    assertEquals(Optional.empty(), PackageScan.packageOf("@A(\"unclosed\npackage a;\n"));
  }
}
