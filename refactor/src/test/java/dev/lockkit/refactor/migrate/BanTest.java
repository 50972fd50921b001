package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ban} forbids the before templates' API in the analyzer's rules file, once. */
class BanTest {

  @TempDir Path root;

  @Test
  void appendsOneBanLinePerOldMemberAndIsIdempotent() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class IsEmpty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n",
            "rules.txt",
            "version 1\n"));
    Migration.Result r = TestTrees.run(root);
    Path rules = root.resolve("rules.txt");
    Ban.append(rules, r.templates(), List.of("p.legacy.**"));
    String once = Files.readString(rules);
    assertEquals(
        "version 1\n\n# api/forbidden: the old API migrated by T.java (lockkit migrate --ban)\n"
            + "ban java.lang.String#length allow java.lang.** p.legacy.**\n",
        once);
    String message = Ban.append(rules, r.templates(), List.of("p.legacy.**"));
    assertEquals(once, Files.readString(rules));
    assertTrue(message.contains("already forbids"), message);
  }

  @Test
  void allowListHoldsTheReplacementApiNotTheCallersPackage() throws Exception {
    Path fixture = Path.of("..", "fixtures", "migrations", "mmap-sem").toAbsolutePath().normalize();
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                fixture,
                fixture.resolve("MmapSemToMmapLock.java"),
                List.of(fixture.resolve("src")),
                List.of(Path.of("..", "lockcore", "src", "main", "java")),
                java.util.Optional.empty(),
                "check"));
    Path rules = root.resolve("lockkit-rules.txt");
    Ban.append(rules, r.templates(), List.of());
    List<String> bans =
        Files.readAllLines(rules).stream().filter(l -> l.startsWith("ban ")).toList();
    assertEquals(10, bans.size(), String.join("\n", bans));
    assertEquals(
        "ban dev.lockkit.lockcore.sync.RwSemaphore#downRead allow dev.lockkit.lockcore.mmaplock.**"
            + " dev.lockkit.lockcore.sync.** dev.lockkit.lockcore.types.**",
        bans.stream().filter(l -> l.contains("#downRead ")).findFirst().orElseThrow());
    assertTrue(bans.stream().noneMatch(l -> l.contains("fixtures")), String.join("\n", bans));
  }

  @Test
  void existingRulesFileThatDoesNotParseIsLeftAlone() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            "class T {\n  class R {\n    @BeforeTemplate int b(String s) { return s.length(); }\n  }\n}\n",
            "src/p/A.java",
            "package p;\nclass A {}\n",
            "rules.txt",
            "frobnicate everything\n"));
    Migration.Result r = TestTrees.run(root);
    MigrationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MigrationException.class,
            () -> Ban.append(root.resolve("rules.txt"), r.templates(), List.of()));
    assertTrue(e.getMessage().contains("unknown directive 'frobnicate'"), e.getMessage());
    assertEquals("frobnicate everything\n", Files.readString(root.resolve("rules.txt")));
  }

  @Test
  void eachBanLineAllowsOnlyThePackagesOfTheRulesThatNameIt() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class OldHash {
                @BeforeTemplate int before(String x) { return q.Keys.oldHash(x); }
                @AfterTemplate int after(String x) { return q.Keys.newHash(x); }
              }
              class NewInteger {
                @BeforeTemplate Integer before(int x) { return new Integer(x); }
                @AfterTemplate Integer after(int x) { return Integer.valueOf(x); }
              }
            }
            """,
            "src/q/Keys.java",
            """
            package q;
            public final class Keys {
              public static int oldHash(String s) { return s.length(); }
              public static int newHash(String s) { return s.hashCode(); }
            }
            """,
            "rules.txt",
            "version 1\n"));
    Migration.Result r = TestTrees.run(root);
    Path rules = root.resolve("rules.txt");
    Ban.append(rules, r.templates(), List.of());
    List<String> bans =
        Files.readAllLines(rules).stream().filter(l -> l.startsWith("ban ")).toList();
    // q declares Keys, so q may keep Keys#oldHash; it must not thereby keep new Integer(...).
    assertEquals(
        List.of("ban java.lang.Integer#new allow java.lang.**", "ban q.Keys#oldHash allow q.**"),
        bans);
  }

  @Test
  void anArrayMemberInTheReplacementAddsNoPatternAndTheFileStaysValid() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.Arrays;
            class T {
              static final class CopyOf<E> {
                @BeforeTemplate E[] before(E[] array) { return Arrays.copyOf(array, array.length); }
                @AfterTemplate E[] after(E[] array) { return array.clone(); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n",
            "rules.txt",
            "version 1\n"));
    Migration.Result r = TestTrees.run(root);
    Path rules = root.resolve("rules.txt");
    Ban.append(rules, r.templates(), List.of());
    assertEquals(
        List.of("ban java.util.Arrays#copyOf allow java.util.**"),
        Files.readAllLines(rules).stream().filter(l -> l.startsWith("ban ")).toList());
  }

  @Test
  void aMemberTheFileAlreadyBansKeepsItsLineAndIsNotCounted() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class IsEmpty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
              class Abs {
                @BeforeTemplate int before(int x) { return Math.abs(x); }
                @AfterTemplate int after(int x) { return x < 0 ? -x : x; }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n",
            "rules.txt",
            "version 1\nban java.lang.String#length allow java.lang.** java.util.**\n"));
    Migration.Result r = TestTrees.run(root);
    Path rules = root.resolve("rules.txt");
    String message = Ban.append(rules, r.templates(), List.of());
    assertEquals(
        List.of(
            "ban java.lang.String#length allow java.lang.** java.util.**",
            "ban java.lang.Math#abs allow java.lang.**"),
        Files.readAllLines(rules).stream().filter(l -> l.startsWith("ban ")).toList());
    assertTrue(message.contains(" 1 api/forbidden rule(s) added"), message);
  }

  @Test
  void templatesThatNameNoMemberLeaveTheFileAloneAndSaySo() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class Len {
                @BeforeTemplate int before(int[] a) { return a.length; }
                @AfterTemplate int after(int[] a) { return java.lang.reflect.Array.getLength(a); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n",
            "rules.txt",
            "version 1\n"));
    Migration.Result r = TestTrees.run(root);
    String message = Ban.append(root.resolve("rules.txt"), r.templates(), List.of());
    assertEquals("version 1\n", Files.readString(root.resolve("rules.txt")));
    assertTrue(message.contains("name no method, field or constructor"), message);
  }
}
