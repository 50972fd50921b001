package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.gating.members.CodeModel.SiteKind;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.pc.ExprTooDeepException;
import dev.lockkit.analyzer.source.InputLimitException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code @IfConfig} annotation of a declaration for {@link Walker}: its condition, the
 * annotation site, the symbols it names (each at the column of the name inside the string), and a
 * malformed condition as a problem at the column of the error.
 *
 * <p>Why a class of its own: this is the one place where a string becomes a presence condition,
 * with its own error reporting; the walker only needs the resulting formula.
 */
final class IfConfigReader {
  private final Syntax.Unit unit;
  private final GuardConditions guards;
  private final List<CodeModel.ConditionSite> sites;
  private final List<CodeModel.SymbolUse> symbolUses;
  private final List<CodeModel.Problem> problems;

  /** Appends what it reads to the given lists (the walker's). */
  IfConfigReader(
      Syntax.Unit unit,
      GuardConditions guards,
      List<CodeModel.ConditionSite> sites,
      List<CodeModel.SymbolUse> symbolUses,
      List<CodeModel.Problem> problems) {
    this.unit = unit;
    this.guards = guards;
    this.sites = sites;
    this.symbolUses = symbolUses;
    this.problems = problems;
  }

  /**
   * The element's own {@code @IfConfig} condition (true when absent or malformed), recording the
   * annotation site under {@code enclosing}, the symbols it names and any syntax error.
   */
  Expr read(NodeWithAnnotations<?> node, String element, Expr enclosing) {
    for (AnnotationExpr a : node.getAnnotations()) {
      if (!guards.isConditionAnnotation(a)) {
        continue;
      }
      Optional<Expression> value = Optional.empty();
      if (a instanceof SingleMemberAnnotationExpr s) {
        value = Optional.of(s.getMemberValue());
      } else if (a instanceof NormalAnnotationExpr na) {
        value =
            na.getPairs().stream()
                .filter(p -> p.getNameAsString().equals("value"))
                .map(p -> p.getValue())
                .findFirst();
      }
      String key = "@IfConfig on " + element;
      if (value.isEmpty() || !(value.get() instanceof StringLiteralExpr lit)) {
        problems.add(
            new CodeModel.Problem(
                Syntax.location(unit, a),
                "@IfConfig needs one string literal condition",
                key,
                false));
        return Expr.TRUE;
      }
      Location base = Syntax.location(unit, lit);
      try {
        ExprParser.Parsed parsed = ExprParser.parse(lit.getValue(), ExprParser.Dialect.ANNOTATION);
        for (ExprParser.SymbolUse use : parsed.uses()) {
          symbolUses.add(
              new CodeModel.SymbolUse(use.name(), element, inString(base, use.offset())));
        }
        sites.add(
            new CodeModel.ConditionSite(
                SiteKind.ANNOTATION, enclosing, parsed.expr(), element, Syntax.location(unit, a)));
        return parsed.expr();
      } catch (ExprTooDeepException e) {
        // Refused as input, not reported as one malformed condition: exit status 2.
        throw new UncheckedIOException(
            new InputLimitException(inString(base, e.offset()) + ": " + e.getMessage()));
      } catch (ExprSyntaxException e) {
        problems.add(
            new CodeModel.Problem(
                inString(base, e.offset()),
                "malformed @IfConfig condition \"" + lit.getValue() + "\": " + e.getMessage(),
                key,
                false));
        return Expr.TRUE;
      }
    }
    return Expr.TRUE;
  }

  /** The position of character {@code offset} of a string literal that starts at {@code base}. */
  private static Location inString(Location base, int offset) {
    return new Location(base.path(), base.line(), base.column() + 1 + offset);
  }
}
