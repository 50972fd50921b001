package dev.lockkit.analyzer.variants;

import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.pc.Guards;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import spoon.reflect.code.BinaryOperatorKind;
import spoon.reflect.code.CtBinaryOperator;
import spoon.reflect.code.CtBlock;
import spoon.reflect.code.CtBreak;
import spoon.reflect.code.CtConditional;
import spoon.reflect.code.CtContinue;
import spoon.reflect.code.CtExpression;
import spoon.reflect.code.CtIf;
import spoon.reflect.code.CtInvocation;
import spoon.reflect.code.CtLiteral;
import spoon.reflect.code.CtReturn;
import spoon.reflect.code.CtStatement;
import spoon.reflect.code.CtThrow;
import spoon.reflect.code.CtUnaryOperator;
import spoon.reflect.code.UnaryOperatorKind;
import spoon.reflect.declaration.CtAnnotation;
import spoon.reflect.declaration.CtElement;
import spoon.reflect.declaration.CtImport;
import spoon.reflect.declaration.CtPackage;
import spoon.reflect.declaration.CtType;
import spoon.reflect.declaration.CtTypeMember;
import spoon.reflect.factory.Factory;
import spoon.reflect.reference.CtExecutableReference;
import spoon.reflect.reference.CtFieldReference;
import spoon.reflect.reference.CtReference;
import spoon.reflect.reference.CtTypeReference;
import spoon.reflect.visitor.filter.TypeFilter;

/**
 * Turns a copy of a type into its form in one configuration — the Java counterpart of running the C
 * preprocessor with a {@code .config}.
 *
 * <p><b>Implementation overview.</b> Three passes over the copy, in this order because each relies
 * on the previous one: (1) delete every type, method, constructor and field whose {@code @IfConfig}
 * is false (outermost first, so members of a deleted type are never visited); (2) replace every
 * {@code isEnabled(X)} guard with the literal value of {@code X}; (3) fold, bottom-up (reverse
 * pre-order, so operands are folded before the operators that contain them): {@code !}, {@code &&}
 * and {@code ||} with a literal on the left, {@code ?:} and {@code if} with a literal condition. A
 * folded {@code if} is replaced by the branch that survives, and when that branch always exits
 * (return, throw, break, continue) the statements after it in the block are dropped too — they are
 * the code behind an early-exit guard, and javac would reject them as unreachable. Literals on the
 * right of {@code &&}/{@code ||} are left alone: the left operand still runs. Exactly the guards
 * {@link dev.lockkit.analyzer.gating.GatingAnalyzer} understands are folded, so the two strategies
 * see the same code. Symbols missing from the configuration are false; a malformed
 * {@code @IfConfig} keeps its element (the analysis reports it).
 */
final class Materialiser {
  private final Map<String, Boolean> config;
  private final Factory factory;
  private final Guards guards;

  Materialiser(Map<String, Boolean> config, Factory factory, Guards guards) {
    this.config = config;
    this.factory = factory;
    this.guards = guards;
  }

  /** Whether {@code a} is a declared condition annotation, by its qualified type name. */
  static boolean isCondition(CtAnnotation<?> a, Guards guards) {
    String simple = a.getAnnotationType().getSimpleName();
    return guards.mayBeConditionAnnotation(simple)
        && guards.isConditionAnnotation(a.getAnnotationType().getQualifiedName());
  }

  /** Whether {@code element} survives this configuration, by its own {@code @IfConfig}. */
  boolean present(CtElement element) {
    for (CtAnnotation<?> a : element.getAnnotations()) {
      if (!isCondition(a, guards)) {
        continue;
      }
      Object value = a.getValueAsObject("value");
      if (!(value instanceof String text)) {
        return true;
      }
      try {
        Expr e = ExprParser.parse(text, ExprParser.Dialect.ANNOTATION).expr();
        return e.eval(s -> config.getOrDefault(s, false));
      } catch (ExprSyntaxException ex) {
        return true;
      }
    }
    return true;
  }

  /** Whether an import still names something in this variant (external names always do). */
  boolean importSurvives(CtImport imp) {
    CtReference ref = imp.getReference();
    CtElement target = null;
    try {
      if (ref instanceof CtTypeReference<?> t) {
        target = t.getTypeDeclaration();
      } else if (ref instanceof CtExecutableReference<?> e) {
        target = e.getExecutableDeclaration();
      } else if (ref instanceof CtFieldReference<?> f) {
        target = f.getFieldDeclaration();
      }
    } catch (RuntimeException e) {
      return true; // unresolvable: outside the project
    }
    for (CtElement x = target; x != null; x = x.isParentInitialized() ? x.getParent() : null) {
      if (x instanceof CtPackage) {
        break;
      }
      if (!present(x)) {
        return false;
      }
    }
    return true;
  }

  /** Applies the configuration to {@code type} in place (it must be a private copy). */
  void apply(CtType<?> type) {
    prune(type);
    for (CtInvocation<?> call : type.getElements(new TypeFilter<>(CtInvocation.class))) {
      option(call, guards).ifPresent(o -> call.replace(literal(config.getOrDefault(o, false))));
    }
    List<CtElement> all = new ArrayList<>(type.getElements(new TypeFilter<>(CtElement.class)));
    Collections.reverse(all);
    for (CtElement e : all) {
      if (e.isParentInitialized() && attached(e, type)) {
        fold(e);
      }
    }
  }

  private void prune(CtType<?> type) {
    for (CtTypeMember member : new ArrayList<>(type.getTypeMembers())) {
      if (!present(member)) {
        member.delete();
      } else if (member instanceof CtType<?> nested) {
        prune(nested);
      }
    }
  }

  /**
   * The option a guard call tests: a declared guard method (see {@link Guards}) called on a
   * receiver whose static type (or a supertype of it) declares it; empty for anything else, such as
   * {@code log.isEnabled(Level.DEBUG)} on a logger, which must never be folded.
   */
  static Optional<String> option(CtInvocation<?> call, Guards guards) {
    if (call.getExecutable() == null
        || call.getArguments().size() != 1
        || !guards.mayBeGuardMethod(call.getExecutable().getSimpleName())) {
      return Optional.empty();
    }
    CtTypeReference<?> receiver =
        call.getTarget() != null && call.getTarget().getType() != null
            ? call.getTarget().getType()
            : call.getExecutable().getDeclaringType();
    if (receiver == null) {
      return Optional.empty();
    }
    List<String> supers = new ArrayList<>();
    try {
      for (CtTypeReference<?> s : receiver.getSuperInterfaces()) {
        supers.add(s.getQualifiedName());
      }
      for (CtTypeReference<?> s = receiver.getSuperclass(); s != null; s = s.getSuperclass()) {
        supers.add(s.getQualifiedName());
      }
    } catch (RuntimeException e) {
      // a supertype outside the model: the receiver's own type still decides
    }
    if (!guards.isGuardMethod(
        receiver.getQualifiedName(), supers, call.getExecutable().getSimpleName())) {
      return Optional.empty();
    }
    return Guards.optionOf(call.getArguments().get(0).toString());
  }

  /** Whether {@code e} is still part of {@code root} (an earlier fold may have cut it off). */
  private static boolean attached(CtElement e, CtElement root) {
    for (CtElement p = e; p != null; p = p.isParentInitialized() ? p.getParent() : null) {
      if (p == root) {
        return true;
      }
    }
    return false;
  }

  private CtLiteral<Boolean> literal(boolean value) {
    return factory.Code().createLiteral(value);
  }

  private static Boolean valueOf(CtExpression<?> e) {
    if (e instanceof CtLiteral<?> lit && lit.getValue() instanceof Boolean b) {
      return b;
    }
    return null;
  }

  private void fold(CtElement e) {
    if (e instanceof CtUnaryOperator<?> u && u.getKind() == UnaryOperatorKind.NOT) {
      Boolean v = valueOf(u.getOperand());
      if (v != null) {
        u.replace(literal(!v));
      }
    } else if (e instanceof CtBinaryOperator<?> b
        && (b.getKind() == BinaryOperatorKind.AND || b.getKind() == BinaryOperatorKind.OR)) {
      Boolean left = valueOf(b.getLeftHandOperand());
      if (left == null) {
        return;
      }
      boolean and = b.getKind() == BinaryOperatorKind.AND;
      if (left == and) {
        b.replace(b.getRightHandOperand().clone()); // true && x, false || x
      } else {
        b.replace(literal(left)); // false && x, true || x
      }
    } else if (e instanceof CtConditional<?> c) {
      Boolean v = valueOf(c.getCondition());
      if (v != null) {
        c.replace((v ? c.getThenExpression() : c.getElseExpression()).clone());
      }
    } else if (e instanceof CtIf i) {
      Boolean v = valueOf(i.getCondition());
      if (v == null) {
        return;
      }
      CtStatement kept = v ? i.getThenStatement() : i.getElseStatement();
      boolean exits = kept != null && exits(kept);
      CtElement parent = i.getParent();
      if (exits && parent instanceof CtBlock<?> block) {
        List<CtStatement> stmts = block.getStatements();
        int at = indexOf(stmts, i);
        for (CtStatement after : new ArrayList<>(stmts.subList(at + 1, stmts.size()))) {
          after.delete();
        }
      }
      if (kept == null) {
        if (parent instanceof CtBlock<?>) {
          i.delete();
        } else {
          i.replace(factory.Core().createBlock());
        }
      } else {
        CtStatement copy = kept.clone();
        if (copy instanceof CtBlock<?> b) {
          b.setImplicit(false); // keep the branch's own scope for its local variables
        }
        i.replace(copy);
      }
    }
  }

  private static int indexOf(List<CtStatement> stmts, CtStatement s) {
    for (int k = 0; k < stmts.size(); k++) {
      if (stmts.get(k) == s) {
        return k;
      }
    }
    return -1;
  }

  /** Mirror of the analysis's early-exit test: the statement never completes normally. */
  static boolean exits(CtStatement s) {
    if (s instanceof CtReturn<?>
        || s instanceof CtThrow
        || s instanceof CtBreak
        || s instanceof CtContinue) {
      return true;
    }
    if (s instanceof CtBlock<?> b) {
      return !b.getStatements().isEmpty() && exits(b.getLastStatement());
    }
    if (s instanceof CtIf i) {
      return i.getElseStatement() != null
          && exits(i.getThenStatement())
          && exits(i.getElseStatement());
    }
    return false;
  }
}
