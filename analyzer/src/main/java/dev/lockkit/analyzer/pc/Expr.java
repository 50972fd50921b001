package dev.lockkit.analyzer.pc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable boolean formula over configuration symbols.
 *
 * <p>Records give structural equality, so equal formulas can key caches (the SAT layer encodes each
 * distinct sub-formula once). The smart constructors {@link #and}, {@link #or} and {@link #not}
 * keep formulas small without changing their meaning: they flatten nested conjunctions and
 * disjunctions, drop neutral constants, short-circuit absorbing ones, remove duplicate operands
 * (keeping the first occurrence, so printing stays in source order) and cancel double negation.
 * {@link #toString()} prints the {@code @IfConfig} syntax with the fewest parentheses, so the
 * printed form parses back to an equal formula.
 */
public sealed interface Expr permits Expr.Const, Expr.Sym, Expr.Not, Expr.And, Expr.Or {

  /** The constant true: no condition. */
  Expr TRUE = new Const(true);

  /** The constant false: never present. */
  Expr FALSE = new Const(false);

  /** A constant. */
  record Const(boolean value) implements Expr {
    @Override
    public String toString() {
      return print(this);
    }
  }

  /** A configuration symbol, e.g. {@code MMU}. */
  record Sym(String name) implements Expr {
    public Sym {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Negation. */
  record Not(Expr operand) implements Expr {
    @Override
    public String toString() {
      return print(this);
    }
  }

  /** Conjunction of two or more operands. */
  record And(List<Expr> operands) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return print(this);
    }
  }

  /** Disjunction of two or more operands. */
  record Or(List<Expr> operands) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return print(this);
    }
  }

  /** A symbol reference. */
  static Expr sym(String name) {
    return new Sym(name);
  }

  /** Negation, folding constants and double negation. */
  static Expr not(Expr e) {
    if (e instanceof Const c) {
      return c.value() ? FALSE : TRUE;
    }
    if (e instanceof Not n) {
      return n.operand();
    }
    return new Not(e);
  }

  /** Conjunction of the operands, simplified as described in the class comment. */
  static Expr and(Expr... operands) {
    return and(List.of(operands));
  }

  /** Conjunction of the operands, simplified as described in the class comment. */
  static Expr and(Collection<Expr> operands) {
    LinkedHashSet<Expr> flat = new LinkedHashSet<>();
    for (Expr e : operands) {
      if (e instanceof And a) {
        flat.addAll(a.operands());
      } else if (e instanceof Const c) {
        if (!c.value()) {
          return FALSE;
        }
      } else {
        flat.add(e);
      }
    }
    for (Expr e : flat) {
      if (flat.contains(not(e))) {
        return FALSE;
      }
    }
    return switch (flat.size()) {
      case 0 -> TRUE;
      case 1 -> flat.iterator().next();
      default -> new And(new ArrayList<>(flat));
    };
  }

  /** Disjunction of the operands, simplified as described in the class comment. */
  static Expr or(Expr... operands) {
    return or(List.of(operands));
  }

  /** Disjunction of the operands, simplified as described in the class comment. */
  static Expr or(Collection<Expr> operands) {
    LinkedHashSet<Expr> flat = new LinkedHashSet<>();
    for (Expr e : operands) {
      if (e instanceof Or o) {
        flat.addAll(o.operands());
      } else if (e instanceof Const c) {
        if (c.value()) {
          return TRUE;
        }
      } else {
        flat.add(e);
      }
    }
    for (Expr e : flat) {
      if (flat.contains(not(e))) {
        return TRUE;
      }
    }
    return switch (flat.size()) {
      case 0 -> FALSE;
      case 1 -> flat.iterator().next();
      default -> new Or(new ArrayList<>(flat));
    };
  }

  /** {@code a -> b}, i.e. {@code !a || b}. */
  static Expr implies(Expr a, Expr b) {
    return or(not(a), b);
  }

  /** {@code a <-> b}. */
  static Expr iff(Expr a, Expr b) {
    return or(and(a, b), and(not(a), not(b)));
  }

  /** Evaluates the formula; {@code value} answers for each symbol. */
  default boolean eval(Predicate<String> value) {
    if (this instanceof Const c) {
      return c.value();
    } else if (this instanceof Sym s) {
      return value.test(s.name());
    } else if (this instanceof Not n) {
      return !n.operand().eval(value);
    } else if (this instanceof And a) {
      for (Expr e : a.operands()) {
        if (!e.eval(value)) {
          return false;
        }
      }
      return true;
    } else {
      for (Expr e : ((Or) this).operands()) {
        if (e.eval(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The symbols the formula mentions, sorted. */
  default SortedSet<String> symbols() {
    SortedSet<String> out = new TreeSet<>();
    collectSymbols(this, out);
    return out;
  }

  private static void collectSymbols(Expr e, SortedSet<String> out) {
    if (e instanceof Sym s) {
      out.add(s.name());
    } else if (e instanceof Not n) {
      collectSymbols(n.operand(), out);
    } else if (e instanceof And a) {
      a.operands().forEach(o -> collectSymbols(o, out));
    } else if (e instanceof Or o) {
      o.operands().forEach(x -> collectSymbols(x, out));
    }
  }

  /** Prints {@code e} in {@code @IfConfig} syntax with minimal parentheses. */
  static String print(Expr e) {
    StringBuilder sb = new StringBuilder();
    print(e, 0, sb);
    return sb.toString();
  }

  // Precedence: 0 = or, 1 = and, 2 = unary/atom.
  private static void print(Expr e, int context, StringBuilder sb) {
    if (e instanceof Const c) {
      sb.append(c.value() ? "true" : "false");
    } else if (e instanceof Sym s) {
      sb.append(s.name());
    } else if (e instanceof Not n) {
      sb.append('!');
      print(n.operand(), 2, sb);
    } else {
      boolean isAnd = e instanceof And;
      List<Expr> ops = isAnd ? ((And) e).operands() : ((Or) e).operands();
      int own = isAnd ? 1 : 0;
      if (context > own) {
        sb.append('(');
      }
      for (int i = 0; i < ops.size(); i++) {
        if (i > 0) {
          sb.append(isAnd ? " && " : " || ");
        }
        print(ops.get(i), own + 1 > 2 ? 2 : own + 1, sb);
      }
      if (context > own) {
        sb.append(')');
      }
    }
  }
}
