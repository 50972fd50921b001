import com.google.errorprone.refaster.annotation.AfterTemplate;
import com.google.errorprone.refaster.annotation.BeforeTemplate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 20 rules over the JDK APIs jackson-databind uses (String, StringBuilder, Collection, Map,
 * Collections, Objects, boxing), for the {@code lockkit migrate} speed benchmark
 * (bench/run-migrate.sh). Realistic clean-ups of the kind Error Prone's Refaster collections carry;
 * a few change behaviour at the edges (null elements, locale), which does not matter for timing:
 * the benchmark rewrites nothing (dry run).
 */
final class JdkTemplates {

  static final class StringLengthZero {
    @BeforeTemplate
    boolean before(String s) {
      return s.length() == 0;
    }

    @AfterTemplate
    boolean after(String s) {
      return s.isEmpty();
    }
  }

  static final class StringEqualsEmpty {
    @BeforeTemplate
    boolean before(String s) {
      return s.equals("");
    }

    @AfterTemplate
    boolean after(String s) {
      return s.isEmpty();
    }
  }

  static final class StringIndexOfContains {
    @BeforeTemplate
    boolean before(String s, String t) {
      return s.indexOf(t) >= 0;
    }

    @AfterTemplate
    boolean after(String s, String t) {
      return s.contains(t);
    }
  }

  static final class StringIndexOfNotMinusOne {
    @BeforeTemplate
    boolean before(String s, String t) {
      return s.indexOf(t) != -1;
    }

    @AfterTemplate
    boolean after(String s, String t) {
      return s.contains(t);
    }
  }

  static final class StringTrimEmpty {
    @BeforeTemplate
    boolean before(String s) {
      return s.trim().length() == 0;
    }

    @AfterTemplate
    boolean after(String s) {
      return s.trim().isEmpty();
    }
  }

  static final class StringLowerCaseEquals {
    @BeforeTemplate
    boolean before(String s, String t) {
      return s.toLowerCase().equals(t.toLowerCase());
    }

    @AfterTemplate
    boolean after(String s, String t) {
      return s.equalsIgnoreCase(t);
    }
  }

  static final class StringSubstringStartsWith {
    @BeforeTemplate
    boolean before(String s, int i, String p) {
      return s.substring(i).startsWith(p);
    }

    @AfterTemplate
    boolean after(String s, int i, String p) {
      return s.startsWith(p, i);
    }
  }

  static final class StringValueOfString {
    @BeforeTemplate
    String before(Object o) {
      return "" + o;
    }

    @AfterTemplate
    String after(Object o) {
      return String.valueOf(o);
    }
  }

  static final class CharacterToString {
    @BeforeTemplate
    String before(char c) {
      return Character.toString(c);
    }

    @AfterTemplate
    String after(char c) {
      return String.valueOf(c);
    }
  }

  static final class StringBuilderToStringLength {
    @BeforeTemplate
    int before(StringBuilder sb) {
      return sb.toString().length();
    }

    @AfterTemplate
    int after(StringBuilder sb) {
      return sb.length();
    }
  }

  static final class CollectionSizeZero {
    @BeforeTemplate
    <E> boolean before(Collection<E> c) {
      return c.size() == 0;
    }

    @AfterTemplate
    <E> boolean after(Collection<E> c) {
      return c.isEmpty();
    }
  }

  static final class CollectionSizePositive {
    @BeforeTemplate
    <E> boolean before(Collection<E> c) {
      return c.size() > 0;
    }

    @AfterTemplate
    <E> boolean after(Collection<E> c) {
      return !c.isEmpty();
    }
  }

  static final class MapSizeZero {
    @BeforeTemplate
    <K, V> boolean before(Map<K, V> m) {
      return m.size() == 0;
    }

    @AfterTemplate
    <K, V> boolean after(Map<K, V> m) {
      return m.isEmpty();
    }
  }

  static final class MapGetOrDefault {
    @BeforeTemplate
    <K, V> V before(Map<K, V> m, K k, V d) {
      return m.containsKey(k) ? m.get(k) : d;
    }

    @AfterTemplate
    <K, V> V after(Map<K, V> m, K k, V d) {
      return m.getOrDefault(k, d);
    }
  }

  static final class ListIndexOfContains {
    @BeforeTemplate
    <E> boolean before(List<E> l, E e) {
      return l.indexOf(e) >= 0;
    }

    @AfterTemplate
    <E> boolean after(List<E> l, E e) {
      return l.contains(e);
    }
  }

  static final class EmptyListToListOf {
    @BeforeTemplate
    <E> List<E> before() {
      return Collections.emptyList();
    }

    @AfterTemplate
    <E> List<E> after() {
      return List.of();
    }
  }

  static final class NullCheckThenDefault {
    @BeforeTemplate
    <T> T before(T a, T b) {
      return a == null ? b : a;
    }

    @AfterTemplate
    <T> T after(T a, T b) {
      return Objects.requireNonNullElse(a, b);
    }
  }

  static final class ObjectsEqualsNullSafe {
    @BeforeTemplate
    boolean before(Object a, Object b) {
      return a == null ? b == null : a.equals(b);
    }

    @AfterTemplate
    boolean after(Object a, Object b) {
      return Objects.equals(a, b);
    }
  }

  static final class IntegerValueOfIntValue {
    @BeforeTemplate
    int before(String s) {
      return Integer.valueOf(s).intValue();
    }

    @AfterTemplate
    int after(String s) {
      return Integer.parseInt(s);
    }
  }

  static final class ClassNameOfObject {
    @BeforeTemplate
    String before(Object o) {
      return o.getClass().getName();
    }

    @AfterTemplate
    String after(Object o) {
      return o.getClass().getTypeName();
    }
  }
}
