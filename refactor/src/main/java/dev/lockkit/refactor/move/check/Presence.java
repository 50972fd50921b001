package dev.lockkit.refactor.move.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.pc.Guards;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Presence conditions across a move: the condition a member has (its own {@code @IfConfig}
 * conjoined with those of every enclosing type) must be exactly the condition it has afterwards.
 *
 * <p>Implementation overview. Let C be the member's full condition and D the destination's. The
 * member can keep C only if C implies D (otherwise it would vanish in configurations where it
 * existed; the witness is a configuration of C ∧ ¬D). It then needs an annotation A with D ∧ A ≡ C:
 * the conjuncts of C that D does not already imply. If nothing remains the annotation is left out;
 * if what remains is the member's own annotation it is kept byte for byte; otherwise a new one is
 * written. The equivalence D ∧ A ≡ C is checked with the SAT solver before it is used.
 */
public final class Presence {

  /** The decision for one member. */
  public record Decision(
      Expr condition,
      Expr destination,
      Expr annotation,
      AnnotationExpr own,
      boolean keepOwn,
      Optional<SortedMap<String, Boolean>> lostIn) {

    /** True if the condition cannot be preserved ({@link #lostIn} has the witness). */
    public boolean conflict() {
      return lostIn.isPresent();
    }
  }

  private final ConditionModel model;

  public Presence(ConditionModel model) {
    this.model = model;
  }

  /** Decides the annotation for {@code member} moved into a type whose chain is {@code dest}. */
  public Decision decide(BodyDeclaration<?> member, Node dest) throws ExprSyntaxException {
    AnnotationExpr own = ifConfig(member);
    List<Expr> conjuncts = new ArrayList<>();
    for (Node n = member; n != null; n = n.getParentNode().orElse(null)) {
      AnnotationExpr a = ifConfig(n);
      if (a != null) {
        conjuncts.addAll(conjuncts(parse(a)));
      }
    }
    Expr c = Expr.and(conjuncts);
    Expr d = dest == null ? Expr.TRUE : chain(dest);
    if (!model.implies(c, d)) {
      return new Decision(c, d, null, own, false, model.witness(Expr.and(c, Expr.not(d))));
    }
    List<Expr> keep = new ArrayList<>();
    for (Expr k : conjuncts) {
      if (!model.implies(d, k)) {
        keep.add(k);
      }
    }
    Expr a = Expr.and(keep);
    if (!model.implies(Expr.and(d, a), c)) {
      a = c; // cannot happen when the conjuncts cover c; kept as a guard
    }
    boolean keepOwn = own != null && !keep.isEmpty() && parse(own).equals(a);
    return new Decision(c, d, keep.isEmpty() ? null : a, own, keepOwn, Optional.empty());
  }

  /** The conjunction of the {@code @IfConfig}s on {@code n} and its enclosing declarations. */
  public static Expr chain(Node n) throws ExprSyntaxException {
    List<Expr> all = new ArrayList<>();
    for (Node x = n; x != null; x = x.getParentNode().orElse(null)) {
      AnnotationExpr a = ifConfig(x);
      if (a != null) {
        all.add(parse(a));
      }
    }
    return Expr.and(all);
  }

  private static List<Expr> conjuncts(Expr e) {
    return e instanceof Expr.And and ? and.operands() : List.of(e);
  }

  /** The {@code @IfConfig} annotation on a declaration (matched by simple name), or null. */
  public static AnnotationExpr ifConfig(Node n) {
    if (n instanceof BodyDeclaration<?> b) {
      for (AnnotationExpr a : b.getAnnotations()) {
        String name = a.getNameAsString();
        if (name.equals(Guards.IF_CONFIG) || name.endsWith("." + Guards.IF_CONFIG)) {
          return a;
        }
      }
    }
    return null;
  }

  /** The condition an {@code @IfConfig} states. */
  public static Expr parse(AnnotationExpr a) throws ExprSyntaxException {
    String text = null;
    if (a instanceof SingleMemberAnnotationExpr s
        && s.getMemberValue() instanceof StringLiteralExpr l) {
      text = l.asString();
    } else if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs()) {
        if (p.getNameAsString().equals("value") && p.getValue() instanceof StringLiteralExpr l) {
          text = l.asString();
        }
      }
    }
    if (text == null) {
      throw new ExprSyntaxException("@IfConfig needs a string literal condition", 0);
    }
    return ExprParser.parse(text, ExprParser.Dialect.ANNOTATION).expr();
  }
}
