package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflicts (exit 1) and bad input (exit 2): the message says what and where; nothing is written.
 */
class MoveConflictsTest {

  @TempDir Path tmp;
  private Path src;
  private Path plan;
  private Map<String, String> before;

  @BeforeEach
  void tree() throws Exception {
    src = copy(FIXTURES.resolve("kernel-split/before"), tmp.resolve("src"));
    plan = tmp.resolve("move.plan");
  }

  private MoveTestSupport.Run run(String planText, String... options) throws Exception {
    Files.writeString(plan, planText);
    before = snapshot(src);
    String[] args = new String[options.length + 3];
    args[0] = "--plan";
    args[1] = plan.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    args[args.length - 1] = src.toString();
    MoveTestSupport.Run r = move(args);
    if (r.exit() != 0) {
      assertEquals(before, snapshot(src), "nothing may be written when the move is refused");
    }
    return r;
  }

  private String kconfig() {
    return FIXTURES.resolve("kernel-split/Kconfig").toString();
  }

  @Test
  void movingAwayFromAPackagePrivateHelperIsAnAccessConflict() throws Exception {
    write(
        src,
        "mini/mm/Pages.java",
        "package mini.mm;\n\nfinal class Pages {\n  static int count() { return 1; }\n  static int twice() { return 2 * count(); }\n}\n");
    MoveTestSupport.Run r = run("move mini.mm.Pages#twice to mini.lock.Counts\n");
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out()
            .contains(
                "mini/lock/Counts.java:3: error move/access: after the move javac reports:"
                    + " mini.mm.Pages is not public in mini.mm; cannot be accessed from outside"
                    + " package"),
        r.out());
  }

  @Test
  void usersInOtherPackagesGetTheMovedMemberWidenedToPublic() throws Exception {
    write(
        src,
        "mini/mm/Pages.java",
        "package mini.mm;\n\nfinal class Pages {\n  static int count() { return 1; }\n  static int twice() { return 2 * count(); }\n}\n");
    MoveTestSupport.Run r = run("move mini.mm.Pages#count to mini.types.Counts\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "mini.mm.Pages#count(): access widened from package-private to public for its users"),
        r.out());
    assertTrue(
        Files.readString(src.resolve("mini/types/Counts.java"))
            .contains("  public static int count() { return 1; }\n"));
  }

  @Test
  void sameSignatureAtTheDestinationIsANameClash() throws Exception {
    write(
        src,
        "mini/lock/Other.java",
        "package mini.lock;\n\npublic final class Other {\n  public static void vmaEndRead(mini.types.Vma v) {}\n}\n");
    MoveTestSupport.Run r =
        run("move mini.mm.Memory#vmaEndRead to mini.lock.Other\n", "--kconfig", kconfig());
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out().contains("error move/name-clash: mini.lock.Other already declares vmaEndRead(Vma)"),
        r.out());
  }

  @Test
  void aConditionTheDestinationCannotKeepIsAGatingConflictWithAWitness() throws Exception {
    MoveTestSupport.Run r =
        run("move mini.mm.Memory#releaseFaultLock to mini.lock.VmaLock\n", "--kconfig", kconfig());
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out()
            .contains(
                "error gate/unguarded-reference: mini.mm.Memory#releaseFaultLock(Mm,Vma) exists where MMU holds, but mini.lock.VmaLock only where PER_VMA_LOCK; with MMU=y, PER_VMA_LOCK=n it would disappear"),
        r.out());
  }

  @Test
  void aNewPackageCycleAndLayerBreakBlockUnlessAllowed() throws Exception {
    String rules = FIXTURES.resolve("kernel-split/rules").toString();
    String p = "move mini.mm.Memory#releaseFaultLock to mini.types.Faults\n";
    MoveTestSupport.Run blocked = run(p, "--kconfig", kconfig(), "--rules", rules);
    assertEquals(1, blocked.exit(), blocked.out());
    // releaseFaultLock keeps calling vmaEndRead, which stays in mini.mm: types -> mm.
    assertTrue(
        blocked
            .out()
            .contains(
                "error cycle/package: 3 packages in a dependency cycle; shortest: mini.mm -> mini.types -> mini.mm"),
        blocked.out());
    assertTrue(
        blocked
            .out()
            .contains("error layer/forbidden: package mini.types depends on mini.mm (1 reference)"),
        blocked.out());
    assertTrue(
        blocked
            .out()
            .contains(
                "warning cycle/type: 2 types in a dependency cycle; shortest: mini.mm.Memory -> mini.types.Faults -> mini.mm.Memory"),
        blocked.out());
    MoveTestSupport.Run allowed =
        run(
            p,
            "--kconfig",
            kconfig(),
            "--rules",
            rules,
            "--allow",
            "cycle/package",
            "--allow",
            "cycle/type",
            "--allow",
            "layer/forbidden",
            "--dry-run");
    assertEquals(0, allowed.exit(), allowed.out());
    assertTrue(allowed.out().contains("allowed findings (--allow):"), allowed.out());
  }

  @Test
  void aNewConditionIsWrittenWhereTheDestinationDoesNotImplyIt() throws Exception {
    MoveTestSupport.Run r =
        run("move mini.mm.Memory#vmaEndRead to mini.types.VmaOps\n", "--kconfig", kconfig());
    assertEquals(0, r.exit(), r.out() + r.err());
    String created = Files.readString(src.resolve("mini/types/VmaOps.java"));
    // A new class follows the origin's indentation (tabs here).
    assertTrue(
        created.contains(
            "\t// vma_end_read() follows.\n\t@IfConfig(\"PER_VMA_LOCK && MMU\")\n\tpublic static void vmaEndRead(Vma vma) { vma.refcnt--; }\n"),
        created);
    assertTrue(created.contains("import mini.config.IfConfig;\n"), created);
    assertTrue(created.contains("public final class VmaOps {\n\n\tprivate VmaOps() {}\n"), created);
  }

  @Test
  void badInputExitsTwoWithFileAndLine() throws Exception {
    MoveTestSupport.Run verb = run("# c\nshift mini.mm.Memory#vmaEndRead to mini.lock.VmaLock\n");
    assertEquals(2, verb.exit());
    assertEquals(
        "lockkit move: " + plan + ":2: unknown verb 'shift' (the only verb is 'move')\n",
        verb.err());
    MoveTestSupport.Run missing = run("move mini.mm.Memory#vmaEndReed to mini.lock.VmaLock\n");
    assertEquals(2, missing.exit());
    assertTrue(
        missing
            .err()
            .contains(
                plan + ":1: mini.mm.Memory has no member named vmaEndReed; nearest: vmaEndRead"),
        missing.err());
    MoveTestSupport.Run pkg = run("move mini.mm.Memory#vmaEndRead to mini.lock\n");
    assertEquals(2, pkg.exit());
    assertTrue(
        pkg.err().contains("mini.lock is a package; a member must move to a type"), pkg.err());
    assertFalse(pkg.err().contains("Exception"), pkg.err());
  }

  @Test
  void aReadOnlyFileIsBadInputAndNothingIsWritten() throws Exception {
    Path memory = src.resolve("mini/mm/Memory.java");
    Files.setPosixFilePermissions(memory, PosixFilePermissions.fromString("r--r--r--"));
    MoveTestSupport.Run r =
        run("move mini.mm.Memory#vmaEndRead to mini.lock.VmaLock\n", "--kconfig", kconfig());
    assertEquals(2, r.exit(), r.out());
    assertTrue(
        r.err().contains("mini/mm/Memory.java: file is read-only; nothing written"), r.err());
  }

  @Test
  void aCallJavacBindsToTheOverloadThatStaysIsLeftAlone() throws Exception {
    write(
        src,
        "mini/mm/Sizes.java",
        "package mini.mm;\n\npublic final class Sizes {\n  public static int of(int x) { return x; }\n  public static int of(long x) { return (int) x; }\n  static int use() { return of(1) + of(2L); }\n}\n");
    MoveTestSupport.Run r = run("move mini.mm.Sizes#of(long) to mini.mm.Longs\n");
    // of(1) is of(int) for javac (an exact match beats widening): it stays; of(2L) follows.
    assertEquals(0, r.exit(), r.out());
    assertTrue(
        Files.readString(src.resolve("mini/mm/Sizes.java"))
            .contains("static int use() { return of(1) + Longs.of(2L); }"),
        Files.readString(src.resolve("mini/mm/Sizes.java")));
  }

  @Test
  void aConstructorThatIsNotVisibleFromTheDestinationIsAnAccessConflict() throws Exception {
    write(
        src,
        "mini/mm/Box.java",
        "package mini.mm;\n\npublic final class Box {\n  Box() {}\n\n  public static Box make() {\n    return new Box();\n  }\n}\n");
    MoveTestSupport.Run r = run("move mini.mm.Box#make to mini.types.Boxes\n");
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out()
            .contains(
                "mini/types/Boxes.java:10: error move/access: after the move javac reports: Box() is"
                    + " not public in mini.mm.Box; cannot be accessed from outside package"),
        r.out());
  }
}
