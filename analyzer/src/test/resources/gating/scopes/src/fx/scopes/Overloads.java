package fx.scopes;

import fx.config.IfConfig;
import java.util.List;
import java.util.Set;

/**
 * Methods that share a name: which pairs are one method defined twice (javac rejects a variant
 * with both) and which are distinct overloads, overrides or inherited members.
 */
public final class Overloads {
  // Same arity, different parameter types: two overloads, always fine together.
  static int size(String s) {
    return s.length();
  }

  static int size(int[] a) {
    return a.length;
  }

  // Type arguments differ, the erasure does not: a name clash wherever MMU && SMP holds.
  @IfConfig("MMU")
  static int count(List<String> xs) {
    return xs.size();
  }

  @IfConfig("SMP")
  static int count(List<Integer> xs) {
    return -xs.size();
  }

  // A type variable erases to its bound: first(T) and first(Object) clash where both exist.
  @IfConfig("ARCH_SUPPORTS_PER_VMA_LOCK")
  static <T> int first(T x) {
    return 1;
  }

  @IfConfig("DEBUG_LOCK_ALLOC")
  static int first(Object x) {
    return 2;
  }

  // One type written two ways, under exclusive conditions: never both present, no finding.
  @IfConfig("MMU")
  static int total(java.util.Set<String> xs) {
    return xs.size();
  }

  @IfConfig("!MMU")
  static int total(Set<String> xs) {
    return 0;
  }

  // Varargs and an array parameter are the same signature: a clash where both exist.
  @IfConfig("STACK_GROWSUP")
  static int sum(int... xs) {
    return xs.length;
  }

  @IfConfig("STACK_GROWSUP")
  static int sum(int[] xs) {
    return 0;
  }

  interface Named {
    default String name() {
      return "named";
    }
  }

  static class Base implements Named {
    int id() {
      return 0;
    }
  }

  // An override of an inherited method and of an interface's default method: not duplicates.
  static final class Derived extends Base {
    @Override
    int id() {
      return 1;
    }

    @Override
    public String name() {
      return "derived";
    }
  }
}
