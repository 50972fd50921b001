package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives Kconfig expressions their three-valued meaning as pairs of boolean formulas.
 *
 * <p><b>Encoding.</b> A tristate value {@code v} in {@code n < m < y} is the pair {@code (v >= m, v
 * = y)}. A bool symbol {@code S} is {@code (S, S)}; a tristate symbol {@code S} is {@code (S,
 * ~S=y)} — the solver variable {@code S} means "S is y or m" (the kernel's {@code IS_ENABLED}), the
 * hidden variable {@code ~S=y} means "S is y". Kconfig's operators become: {@code a && b} is the
 * minimum (pairwise conjunction), {@code a || b} the maximum (pairwise disjunction), {@code !a} is
 * {@code 2 - a}, i.e. {@code (!a.y, !a.ge)} — so {@code !A} with {@code A = m} is {@code m},
 * exactly as in the kernel. {@code m} is {@code m && MODULES} (the kernel's {@code rewrite_m}),
 * {@code n} without a modules symbol. {@code =} and {@code !=} between tristate operands compare
 * both components.
 *
 * <p>Values of {@code int}, {@code hex} and {@code string} symbols are not modelled: such a symbol
 * read as a condition is {@code n} (as in the kernel), and a comparison involving one, or an
 * ordering ({@code <} ...) of anything but two numbers, is a hidden free variable named by the
 * comparison's text, so both outcomes stay possible and the same comparison is the same variable
 * everywhere. A comparison of two constants is evaluated. An unknown macro result is a hidden free
 * variable too.
 */
final class TristateEncoder {
  /** A tristate value as two formulas: at least {@code m}, and exactly {@code y}. */
  record Tri(Expr ge, Expr y) {
    static final Tri N = new Tri(Expr.FALSE, Expr.FALSE);
    static final Tri Y = new Tri(Expr.TRUE, Expr.TRUE);

    static Tri and(List<Tri> ops) {
      return new Tri(
          Expr.and(ops.stream().map(Tri::ge).toList()),
          Expr.and(ops.stream().map(Tri::y).toList()));
    }

    static Tri or(List<Tri> ops) {
      return new Tri(
          Expr.or(ops.stream().map(Tri::ge).toList()), Expr.or(ops.stream().map(Tri::y).toList()));
    }

    Tri not() {
      return new Tri(Expr.not(y), Expr.not(ge));
    }

    static Tri bool(Expr b) {
      return new Tri(b, b);
    }

    /** {@code cond ? a : b} on a boolean condition. */
    static Tri ite(Expr cond, Tri a, Tri b) {
      return new Tri(
          Expr.or(Expr.and(cond, a.ge), Expr.and(Expr.not(cond), b.ge)),
          Expr.or(Expr.and(cond, a.y), Expr.and(Expr.not(cond), b.y)));
    }
  }

  /**
   * Every hidden variable starts with this: it sorts after every symbol name, so a canonical
   * (least) witness is least over the symbols first.
   */
  static final String HIDDEN = "~";

  /** The hidden "S is y" variable of tristate {@code S}: {@code ~S=y}. */
  static String yVariable(String symbol) {
    return HIDDEN + symbol + "=y";
  }

  private final Map<String, KconfigSymbol.Type> types;
  private final boolean freeUndefined;
  private final String modulesSymbol;
  private final List<Macros.UnknownCall> unknownCalls;
  private final SortedMap<String, Location> freeSymbols = new TreeMap<>();
  private final SortedMap<String, Location> hidden = new TreeMap<>();
  private Location site;

  TristateEncoder(
      Map<String, KconfigSymbol.Type> types,
      boolean freeUndefined,
      String modulesSymbol,
      List<Macros.UnknownCall> unknownCalls) {
    this.types = types;
    this.freeUndefined = freeUndefined;
    this.modulesSymbol = modulesSymbol;
    this.unknownCalls = unknownCalls;
  }

  /** Undefined symbols read as free variables, with their first use. */
  SortedMap<String, Location> freeSymbols() {
    return freeSymbols;
  }

  /** Hidden variables (comparisons on values, unknown macro results), with their first use. */
  SortedMap<String, Location> hiddenFree() {
    return hidden;
  }

  /** The variable(s) of a symbol of a model type. */
  static Tri ofSymbol(String name, KconfigSymbol.Type type) {
    return switch (type) {
      case BOOL, UNDEFINED -> Tri.bool(Expr.sym(name));
      case TRISTATE -> new Tri(Expr.sym(name), Expr.sym(yVariable(name)));
      default -> Tri.N;
    };
  }

  /** The constant {@code m}: {@code m && MODULES}, or {@code n} without a modules symbol. */
  Tri m() {
    return modulesSymbol == null ? Tri.N : new Tri(Expr.sym(modulesSymbol), Expr.FALSE);
  }

  Tri encode(KExpr e, Location at) throws KconfigException {
    site = at;
    return tri(e);
  }

  private Tri tri(KExpr e) throws KconfigException {
    if (e instanceof KExpr.Const c) {
      return c.value() == 2 ? Tri.Y : c.value() == 1 ? m() : Tri.N;
    }
    if (e instanceof KExpr.Word w) {
      return word(w);
    }
    if (e instanceof KExpr.Str s) {
      throw new KconfigException(
          site,
          "\""
              + s.text()
              + "\" is a string constant, which Kconfig reads as n in a condition"
              + (s.text().matches("[A-Za-z0-9_]+")
                  ? " (write " + s.text() + " without quotes for the symbol)"
                  : ""));
    }
    if (e instanceof KExpr.Unknown u) {
      return Tri.bool(hiddenVar(HIDDEN + "?" + unknownCalls.get(u.id()).call()));
    }
    if (e instanceof KExpr.Not n) {
      return tri(n.operand()).not();
    }
    if (e instanceof KExpr.And a) {
      List<Tri> ops = new ArrayList<>();
      for (KExpr o : a.operands()) {
        ops.add(tri(o));
      }
      return Tri.and(ops);
    }
    if (e instanceof KExpr.Or o) {
      List<Tri> ops = new ArrayList<>();
      for (KExpr x : o.operands()) {
        ops.add(tri(x));
      }
      return Tri.or(ops);
    }
    return compare((KExpr.Cmp) e);
  }

  private Tri word(KExpr.Word w) throws KconfigException {
    KconfigSymbol.Type type = types.get(w.name());
    if (type != null) {
      return ofSymbol(w.name(), type);
    }
    if (isNumber(w.name())) {
      return Tri.N; // a number read as a condition, like any non-tristate value
    }
    if (!freeUndefined) {
      throw new KconfigException(
          site, "unknown symbol " + w.name() + Names.didYouMean(w.name(), types.keySet()));
    }
    freeSymbols.putIfAbsent(w.name(), site);
    return Tri.bool(Expr.sym(w.name()));
  }

  private Expr hiddenVar(String name) {
    hidden.putIfAbsent(name, site);
    return Expr.sym(name);
  }

  /** One side of a comparison: a tristate value, a known constant string, or a value. */
  private record Side(Tri tri, String constant, String text) {}

  private Side side(KExpr e) throws KconfigException {
    if (e instanceof KExpr.Const c) {
      String letter = "nmy".substring(c.value(), c.value() + 1);
      return new Side(tri(c), letter, letter);
    }
    if (e instanceof KExpr.Str s) {
      return new Side(null, s.text(), "\"" + s.text() + "\"");
    }
    if (e instanceof KExpr.Unknown u) {
      return new Side(null, null, "?" + unknownCalls.get(u.id()).call());
    }
    KExpr.Word w = (KExpr.Word) e;
    KconfigSymbol.Type type = types.get(w.name());
    if (type != null && type.modelled()) {
      return new Side(ofSymbol(w.name(), type), null, w.name());
    }
    if (type != null) {
      return new Side(null, null, w.name()); // int, hex or string: a value lockkit does not track
    }
    // An undefined word compares as its own name (Kconfig's rule), e.g. the 1 of NR_CPUS > 1.
    return new Side(null, w.name(), w.name());
  }

  private Tri compare(KExpr.Cmp c) throws KconfigException {
    Side l = side(c.left());
    Side r = side(c.right());
    boolean eq = c.op().equals("=") || c.op().equals("!=");
    Boolean known = null;
    if (l.constant() != null && r.constant() != null) {
      known = constantCompare(c.op(), l.constant(), r.constant());
    } else if (eq) {
      Tri a = l.tri() != null ? l.tri() : tristateConstant(l.constant());
      Tri b = r.tri() != null ? r.tri() : tristateConstant(r.constant());
      if (a != null && b != null) {
        Expr same = Expr.and(Expr.iff(a.ge(), b.ge()), Expr.iff(a.y(), b.y()));
        return Tri.bool(c.op().equals("=") ? same : Expr.not(same));
      }
      boolean tristateVsOtherString =
          (l.tri() != null && r.constant() != null) || (r.tri() != null && l.constant() != null);
      if (tristateVsOtherString) {
        known = !c.op().equals("="); // a tristate is never equal to "foo"
      }
    }
    if (known != null) {
      return known ? Tri.Y : Tri.N;
    }
    String text = l.text() + " " + c.op() + " " + r.text();
    return Tri.bool(hiddenVar(HIDDEN + "(" + text + ")"));
  }

  private Tri tristateConstant(String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "y" -> Tri.Y;
      case "m" -> m();
      case "n" -> Tri.N;
      default -> null;
    };
  }

  private static Boolean constantCompare(String op, String a, String b) {
    Long x = number(a);
    Long y = number(b);
    if (x != null && y != null) {
      int cmp = Long.compare(x, y);
      return switch (op) {
        case "=" -> cmp == 0;
        case "!=" -> cmp != 0;
        case "<" -> cmp < 0;
        case "<=" -> cmp <= 0;
        case ">" -> cmp > 0;
        default -> cmp >= 0;
      };
    }
    return switch (op) {
      case "=" -> a.equals(b);
      case "!=" -> !a.equals(b);
      default -> null;
    };
  }

  static boolean isNumber(String s) {
    return number(s) != null;
  }

  private static Long number(String s) {
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseLong(s.substring(2), 16);
      }
      return s.matches("-?[0-9]+") ? Long.parseLong(s) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
