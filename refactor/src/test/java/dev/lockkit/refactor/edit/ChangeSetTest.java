package dev.lockkit.refactor.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSetTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void editsApplyAgainstOriginalOffsetsAndKeepEveryOtherByte() throws Exception {
    Path p = file("A.java", "class A {  /* odd */ int x;\r\n\tint  y; }\n");
    SourceFile f = SourceFile.read(p);
    String text = f.text();
    ChangeSet cs = new ChangeSet();
    cs.replace(f, text.indexOf("x"), text.indexOf("x") + 1, "renamedX");
    cs.insert(f, text.indexOf("int  y"), "final ");
    cs.write();
    assertEquals("class A {  /* odd */ int renamedX;\r\n\tfinal int  y; }\n", Files.readString(p));
  }

  @Test
  void identicalEditsCollapseButOverlappingOnesConflictBeforeAnythingIsWritten() throws Exception {
    Path a = file("A.java", "import x.Y;\nclass A {}\n");
    Path b = file("B.java", "class B {}\n");
    SourceFile fa = SourceFile.read(a);
    SourceFile fb = SourceFile.read(b);
    ChangeSet cs = new ChangeSet();
    cs.insert(fa, 0, "import p.Q;\n").insert(fa, 0, "import p.Q;\n");
    assertEquals("import p.Q;\nimport x.Y;\nclass A {}\n", cs.result().get(a));

    cs.replace(fb, 0, 5, "final class").replace(fb, 3, 7, "zzz");
    EditException e = assertThrows(EditException.class, cs::write);
    assertTrue(e.getMessage().contains("B.java:1"), e.getMessage());
    assertEquals("import x.Y;\nclass A {}\n", Files.readString(a), "nothing written");
  }

  @Test
  void aFileChangedOnDiskSinceItWasReadIsNotOverwrittenAndNoOtherFileIsWritten() throws Exception {
    Path a = file("A.java", "class A {}\n");
    Path b = file("B.java", "class B {}\n");
    ChangeSet cs = new ChangeSet();
    cs.insert(SourceFile.read(a), 0, "// a\n");
    cs.insert(SourceFile.read(b), 0, "// b\n");
    Files.writeString(b, "class B { int changedByUser; }\n");
    EditException e = assertThrows(EditException.class, cs::write);
    assertTrue(e.getMessage().contains("changed on disk"), e.getMessage());
    assertEquals("class A {}\n", Files.readString(a));
    assertEquals("class B { int changedByUser; }\n", Files.readString(b));
  }

  @Test
  void createdFilesMustNotExistAndAppearInTheDiffAgainstDevNull() throws Exception {
    Path created = dir.resolve("p/New.java");
    ChangeSet cs = new ChangeSet().create(created, "package p;\n\nfinal class New {}\n");
    String diff = cs.unifiedDiff(dir);
    assertTrue(diff.startsWith("--- /dev/null\n+++ b/p/New.java\n"), diff);
    cs.write();
    assertEquals("package p;\n\nfinal class New {}\n", Files.readString(created));
    assertThrows(EditException.class, new ChangeSet().create(created, "x")::write);
  }

  @Test
  void unifiedDiffShowsOnlyChangedHunksWithGitStylePaths() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      sb.append("line").append(i).append('\n');
    }
    Path p = file("T.txt", sb.toString());
    SourceFile f = SourceFile.read(p);
    int at = f.offset(10, 1);
    String diff = new ChangeSet().replace(f, at, at + "line10".length(), "LINE10").unifiedDiff(dir);
    assertTrue(diff.contains("--- a/T.txt\n+++ b/T.txt\n@@ -7,7 +7,7 @@"), diff);
    assertTrue(diff.contains("-line10\n+LINE10\n"), diff);
    assertFalse(diff.contains("line3"), diff);
  }

  @Test
  void invalidUtf8IsRefusedRatherThanRewrittenLossily() throws Exception {
    Path p = dir.resolve("Bad.java");
    Files.write(p, new byte[] {'c', 'l', (byte) 0xC3, (byte) 0x28, '\n'});
    IOException e = assertThrows(IOException.class, () -> SourceFile.read(p));
    assertTrue(e.getMessage().contains("Bad.java") && e.getMessage().contains("UTF-8"));
    assertEquals(5, Files.readAllBytes(p).length);
  }

  @Test
  void noTemporaryFilesRemainAfterAWrite() throws Exception {
    Path p = file("A.java", "class A {}\n");
    new ChangeSet().insert(SourceFile.read(p), 0, "// x\n").write();
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
    assertEquals("// x\nclass A {}\n", new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
  }

  @Test
  void aFailedWriteRemovesThePackageDirectoriesItCreated() throws Exception {
    Path a = file("A.java", "class A {}\n");
    Files.writeString(dir.resolve("blocked"), "a file where a directory would have to be\n");
    ChangeSet cs = new ChangeSet();
    cs.insert(SourceFile.read(a), 0, "// a\n");
    cs.create(dir.resolve("new/pkg/N.java"), "package new.pkg;\n");
    cs.create(dir.resolve("blocked/x/B.java"), "package blocked.x;\n");
    EditException e = assertThrows(EditException.class, cs::write);
    assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("new")), "no empty package directory is left behind");
    assertEquals("class A {}\n", Files.readString(a));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(
          java.util.List.of("A.java", "blocked"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aNewFileGetsTheUmaskModeAndAReplacedFileKeepsItsMode() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
            != null,
        "POSIX file modes");
    // What the umask gives an ordinary new file, measured rather than assumed.
    Path probe = Files.createFile(dir.resolve("probe"));
    var umaskMode = Files.getPosixFilePermissions(probe);
    Path a = file("A.java", "class A {}\n");
    Files.setPosixFilePermissions(
        a, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
    ChangeSet cs = new ChangeSet();
    cs.insert(SourceFile.read(a), 0, "// a\n");
    cs.create(dir.resolve("p/N.java"), "package p;\n");
    cs.write();
    assertEquals(umaskMode, Files.getPosixFilePermissions(dir.resolve("p/N.java")));
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"),
        Files.getPosixFilePermissions(a));
  }
}
