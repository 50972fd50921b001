package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verify} checks the rewritten tree before writing and ties a new error to its rewrite.
 */
class VerifyTest {

  @TempDir Path root;

  @Test
  void newCompileErrorOfTheRewrittenCopyIsAttributedToTheRewriteOfItsFile() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Api;
            class T {
              class R {
                @BeforeTemplate void before(String s) { Api.legacy(s); }
                @AfterTemplate void after(String s) { Api.checked(s); }
              }
            }
            """,
            "src/p/Api.java",
            """
            package p;
            public final class Api {
              public static void legacy(String s) {}
              public static void checked(String s) throws Exception {}
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {\n  void f(String s) {\n    Api.legacy(s);\n  }\n}\n"));
    Migration.Result r = TestTrees.run(root);
    Verify verify = new Verify(r, List.of(), root);
    Verify.Builds before = verify.build();
    assertEquals(List.of(), before.errors().values().iterator().next());
    Verify.Builds after = verify.buildRewritten(null).builds();
    assertEquals(0, before.failing());
    assertEquals(1, after.failing());
    List<String> errors = verify.newErrors(before, after);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("p/A.java:"), errors.get(0));
    assertTrue(errors.get(0).endsWith("<- rule T.R at src/p/A.java:4"), errors.get(0));
    // Checked on a copy: the user's file is untouched.
    assertEquals(
        "package p;\nclass A {\n  void f(String s) {\n    Api.legacy(s);\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }
}
