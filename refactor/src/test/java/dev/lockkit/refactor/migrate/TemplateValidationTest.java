package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad templates are refused with file, line and what is wrong; nothing is matched. */
class TemplateValidationTest {

  @TempDir Path root;

  private String refuse(String template) {
    TestTrees.write(root, Map.of("T.java", template, "src/p/A.java", "package p;\nclass A {}\n"));
    return assertThrows(MigrationException.class, () -> TestTrees.run(root)).getMessage();
  }

  @ParameterizedTest
  @CsvSource({"AlsoReverseTernary", "OfKind", "NoAutoboxing"})
  void unsupportedRefasterFeatureIsNamed(String feature) {
    String message =
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(@%s String s) {
                  return s.length() == 0;
                }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """
                .formatted(feature));
    assertEquals(
        "T.java:3: @"
            + feature
            + " is not supported by lockkit migrate (see refactor/MIGRATE.md for the supported"
            + " subset)",
        message);
  }

  @Test
  void aMemberMissingFromATypeJavacFoundIsRefusedWithJavacsErrorAndTheVersionHint() {
    assertEquals(
        "T.java:4: cannot resolve call Math.nope(x) (javac: cannot find symbol symbol: method"
            + " nope(int) location: class java.lang.Math); pass the version of its library that"
            + " declares it with --classpath",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate int before(int x) { return Math.abs(x); }
                @AfterTemplate int after(int x) { return Math.nope(x); }
              }
            }
            """));
  }

  @Test
  void twoAfterTemplatesAreRefused() {
    assertEquals(
        "T.java:5: rule T.R has two @AfterTemplate methods (lines 4 and 5); a rule has at most one",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean a(String s) { return s.isEmpty(); }
                @AfterTemplate boolean b(String s) { return s.isBlank(); }
              }
            }
            """));
  }

  @Test
  void disagreeingBeforeAndAfterTypesAreRefused() {
    assertEquals(
        "T.java:4: rule T.R: @AfterTemplate returns int but the @BeforeTemplate at line 3 returns"
            + " boolean",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate int after(String s) { return s.length(); }
              }
            }
            """));
  }

  @Test
  void afterParameterMissingFromBeforeIsRefused() {
    assertEquals(
        "T.java:4: rule T.R: @AfterTemplate parameter 't' is not a parameter of the"
            + " @BeforeTemplate at line 3",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s, String t) { return t.isEmpty(); }
              }
            }
            """));
  }

  @Test
  void barePlaceholderIsRefusedBecauseItMatchesEverything() {
    assertEquals(
        "T.java:3: @BeforeTemplate before is a bare placeholder: it would match every expression",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate String before(String s) { return (s); }
                @AfterTemplate String after(String s) { return s.trim(); }
              }
            }
            """));
  }

  @Test
  void arrayCreationInBeforeTemplateIsRefusedByKind() {
    assertEquals(
        "T.java:4: an array creation in a @BeforeTemplate is not supported (see"
            + " refactor/MIGRATE.md for the supported subset)",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate String[] before(String s) {
                  return new String[] {s};
                }
              }
            }
            """));
  }

  @Test
  void otherRefasterHelpersAreRefusedByName() {
    assertEquals(
        "T.java:4: Refaster.enumValueOf is not supported (only Refaster.anyOf, clazz and"
            + " isInstance are)",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate <V extends Enum<V>> V before(String s) {
                  return Refaster.<V>enumValueOf(s);
                }
              }
            }
            """));
  }

  @Test
  void templateThatDoesNotParseNamesFileAndLine() {
    String m =
        refuse(
            "class T {\n  class R {\n    @BeforeTemplate boolean before(String s) {\n      return s.length( == 0;\n    }\n  }\n}\n");
    assertEquals(
        "T.java:4: template file does not parse: ", m.substring(0, m.indexOf("parse: ") + 7));
  }

  @Test
  void unresolvableTemplateTypeIsRefusedWithAClasspathHint() {
    String m =
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(com.example.Gone g) { return g.isOk(); }
              }
            }
            """);
    assertEquals("T.java:3: cannot resolve type com.example.Gone", m.substring(0, m.indexOf(" (")));
  }

  @Test
  void aTemplateNestedThousandsDeepIsRefusedWithItsLine() {
    String deep = "(".repeat(5000) + "s.length()" + ")".repeat(5000);
    assertEquals(
        "T.java:3: expression nested too deep (limit 300)",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate int before(String s) { return %s; }
              }
            }
            """
                .formatted(deep)));
    assertEquals(
        "T.java:3: expression nested too deep (limit 300)",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return %ss.isEmpty(); }
              }
            }
            """
                .formatted("!".repeat(3000))));
  }

  @Test
  void anAfterTemplateCallingAHelperOfTheTemplateFileIsRefused() {
    assertEquals(
        "T.java:4: the @AfterTemplate uses method helper of the template file itself, which the"
            + " rewritten code cannot reach",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return helper(s); }
              }
              private static boolean helper(String s) { return s.isEmpty(); }
            }
            """));
  }

  @Test
  void anIllTypedAfterTemplateIsRefusedWhenTheFileIsRead() {
    assertEquals(
        "T.java:4: the @AfterTemplate expression does not compile: incompatible types: int cannot"
            + " be converted to boolean",
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.length() + 1; }
              }
            }
            """));
  }

  @Test
  void anArithmeticOperatorOnABooleanIsRefusedWhenTheFileIsRead() {
    String message =
        refuse(
            """
            class T {
              class R {
                @BeforeTemplate int before(String s) { return s.length(); }
                @AfterTemplate int after(String s) { return s.isEmpty() + 1; }
              }
            }
            """);
    assertTrue(message.startsWith("T.java:4: "), message);
    assertTrue(message.contains("boolean"), message);
  }

  @Test
  void anArithmeticOperatorOnABooleanIsRefusedWhateverTheReturnType() {
    for (String type : java.util.List.of("boolean", "Object", "String", "long")) {
      String message =
          refuse(
              ("class T {\n  class R {\n    @BeforeTemplate %1$s before(String s) { return null; }\n"
                      + "    @AfterTemplate %1$s after(String s) { return s.isEmpty() + 1; }\n  }\n}\n")
                  .formatted(type));
      assertTrue(message.startsWith("T.java:4: "), type + ": " + message);
    }
  }

  /**
   * An after template javac does not compile is refused when the file is read: its text would be
   * written into the user's code. The symbol solver accepted a generic type that does not fit.
   */
  @Test
  void anAfterTemplateJavacDoesNotCompileIsRefused() {
    assertEquals(
        "T.java:5: the @AfterTemplate expression does not compile: incompatible types:"
            + " java.util.List<java.lang.String> cannot be converted to"
            + " java.util.List<java.lang.Integer>",
        refuse(
            """
            import java.util.List;
            class T {
              class R {
                @BeforeTemplate List<Integer> before(List<String> l) { return null; }
                @AfterTemplate List<Integer> after(List<String> l) { return l; }
              }
            }
            """));
  }
}
