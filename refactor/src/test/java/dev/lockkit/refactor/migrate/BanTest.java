package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ban} forbids the before templates' API, once, with an allow-list. */
class BanTest {

  @TempDir Path root;

  @Test
  void appendsOneForbidApiLinePerOldMemberAndIsIdempotent() throws Exception {
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
            + "forbid-api java.lang.String#length() allow java.lang.** p.legacy.**\n",
        once);
    String message = Ban.append(rules, r.templates(), List.of("p.legacy.**"));
    assertEquals(once, Files.readString(rules));
    assertTrue(message.contains("already forbids"), message);
  }
}
