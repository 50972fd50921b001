package fx.scopes;

import java.util.Set;

/**
 * The shape of golden's Selector: a nested parser whose methods each return a different anonymous
 * {@code Expr}, so {@code eval} and {@code symbols} are written three times inside Parser — and
 * never declared by Parser at all.
 */
public final class Selector {
  interface Expr {
    boolean eval(Set<String> enabled);

    void symbols(Set<String> out);
  }

  static final class Parser {
    Expr not(Expr inner) {
      return new Expr() {
        @Override
        public boolean eval(Set<String> enabled) {
          return !inner.eval(enabled);
        }

        @Override
        public void symbols(Set<String> out) {
          inner.symbols(out);
        }
      };
    }

    Expr symbol(String symbol) {
      return new Expr() {
        @Override
        public boolean eval(Set<String> enabled) {
          return enabled.contains(symbol);
        }

        @Override
        public void symbols(Set<String> out) {
          out.add(symbol);
        }
      };
    }

    private static Expr binary(Expr l, Expr r, boolean and) {
      return new Expr() {
        @Override
        public boolean eval(Set<String> enabled) {
          return and ? l.eval(enabled) && r.eval(enabled) : l.eval(enabled) || r.eval(enabled);
        }

        @Override
        public void symbols(Set<String> out) {
          l.symbols(out);
          r.symbols(out);
        }
      };
    }
  }
}
