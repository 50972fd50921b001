package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Refaster.<T>clazz()} and {@code Refaster.<T>isInstance(x)} (Picnic's {@code
 * ClassRules.Instanceof} and {@code ClassLiteralIsInstancePredicate}, which Error Prone applies to
 * jackson-databind): the code's class literal or instanceof type binds T and is written back as the
 * code spelled it.
 */
class ClassLiteralTemplateTest {

  @TempDir Path root;

  private static final String INSTANCEOF =
      """
      import com.google.errorprone.refaster.Refaster;
      class T {
        static final class Instanceof<X, S> {
          @BeforeTemplate boolean before(S object) {
            return Refaster.<X>clazz().isInstance(object);
          }
          @AfterTemplate boolean after(S object) {
            return Refaster.<X>isInstance(object);
          }
        }
      }
      """;

  @Test
  void aClassLiteralsIsInstanceBecomesInstanceofOfTheSameType() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            INSTANCEOF,
            """
            package p;
            import java.util.Map;
            class A {
              boolean f(Object o, Class<?> c, String s) {
                boolean a = Map.Entry.class.isInstance(o);
                boolean b = !String[].class.isInstance(s == null ? o : s);
                boolean d = c.isInstance(o);
                boolean e = int.class.isInstance(o);
                return a && b && d && e;
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("boolean a = o instanceof Map.Entry;"), text);
    assertTrue(text.contains("boolean b = !((s == null ? o : s) instanceof String[]);"), text);
    // A Class variable is no class literal; a primitive has no instanceof.
    assertTrue(text.contains("boolean d = c.isInstance(o);"), text);
    assertTrue(text.contains("boolean e = int.class.isInstance(o);"), text);
    assertEquals(2, r.report().rewrittenCount(), r.report().toText());
    assertTrue(r.report().skippedRules().isEmpty(), r.report().toText());
  }

  @Test
  void isInstanceOfAnOperandWhoseTypeMayNotCastIsLeftNotTurnedIntoABadInstanceof()
      throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            INSTANCEOF,
            """
            package p;
            class A {
              <E extends Number> boolean f(Integer i, E e, Object o) {
                return String.class.isInstance(i) || String.class.isInstance(e)
                    || String.class.isInstance(o);
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    // 'i instanceof String' and 'e instanceof String' do not compile; only Object's is written.
    assertTrue(
        text.contains("return String.class.isInstance(i) || String.class.isInstance(e)"), text);
    assertTrue(text.contains("|| o instanceof String;"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
  }

  @Test
  void anInstanceofInALambdaBecomesTheClassLiteralsIsInstance() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import com.google.errorprone.refaster.Refaster;
            import java.util.function.Predicate;
            class T {
              static final class IsInstancePredicate<X, S> {
                @BeforeTemplate Predicate<S> before() {
                  return o -> Refaster.<X>isInstance(o);
                }
                @AfterTemplate Predicate<S> after() {
                  return Refaster.<X>clazz()::isInstance;
                }
              }
            }
            """,
            """
            package p;
            import java.util.List;
            class A {
              long f(List<Object> xs) {
                return xs.stream().filter(x -> x instanceof CharSequence).count();
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("filter(CharSequence.class::isInstance)"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
  }

  @Test
  void anAfterNamingAClassTheBeforeDoesNotBindSkipsTheRule() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import com.google.errorprone.refaster.Refaster;
            import java.util.EnumMap;
            import java.util.HashMap;
            import java.util.Map;
            class T {
              static final class CreateEnumMap<K extends Enum<K>, V> {
                @BeforeTemplate Map<K, V> before() { return new HashMap<>(); }
                @AfterTemplate Map<K, V> after() { return new EnumMap<>(Refaster.<K>clazz()); }
              }
              static final class Empty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "package p;\nclass A {}\n");
    assertEquals(1, r.report().skippedRules().size(), r.report().toText());
    assertTrue(
        r.report().skippedRules().get(0).reason().contains("no Refaster.clazz or isInstance"),
        r.report().skippedRules().get(0).reason());
  }
}
