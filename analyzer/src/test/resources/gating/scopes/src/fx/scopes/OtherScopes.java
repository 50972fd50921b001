package fx.scopes;

import fx.config.IfConfig;
import java.util.function.IntSupplier;

/**
 * Every other kind of class body that is not a member of the enclosing type: enum constant bodies,
 * local classes (two of the same name in different methods), local records, lambdas, a record's
 * compact constructor, and nested types of the same simple name in different outer types.
 */
public final class OtherScopes {
  enum Op {
    PLUS {
      @Override
      int apply(int a, int b) {
        return a + b;
      }
    },
    MINUS {
      @Override
      int apply(int a, int b) {
        return a - b;
      }
    };

    abstract int apply(int a, int b);
  }

  record Range(int lo, int hi) {
    Range {
      if (lo > hi) {
        throw new IllegalArgumentException();
      }
    }
  }

  static final class Left {
    static final class Node {
      int size() {
        return 1;
      }
    }
  }

  static final class Right {
    static final class Node {
      int size() {
        return 2;
      }
    }
  }

  @IfConfig("MMU")
  static int first() {
    class Helper {
      int run() {
        return 1;
      }
    }
    record Pair(int a, int b) {}
    IntSupplier s = () -> new Helper().run() + new Pair(1, 2).a();
    return s.getAsInt();
  }

  @IfConfig("!MMU")
  static int second() {
    class Helper {
      int run() {
        return 2;
      }
    }
    return new Helper().run();
  }

  static int third() {
    class Helper {
      int run() {
        return 3;
      }
    }
    return new Helper().run();
  }
}
