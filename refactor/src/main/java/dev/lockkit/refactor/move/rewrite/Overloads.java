package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.move.model.ExpressionTypes;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;

/**
 * Tells same-arity overloads apart where that can be proved: a call cannot mean an overload when
 * one argument's declared type is not assignable, even after erasure, to that overload's parameter
 * type. Only sure answers exclude an overload; any type the check cannot see through (a library
 * type, a type variable, a primitive, a {@code var}) keeps the overload a candidate, so the
 * name-clash check stays safe: it may still report a call javac would resolve, never the reverse.
 */
final class Overloads {

  private final JavaProject project;
  private final ExpressionTypes types;

  Overloads(JavaProject project, ExpressionTypes types) {
    this.project = project;
    this.types = types;
  }

  /** True if the call {@code site} in {@code f} provably cannot invoke {@code md} of owner. */
  boolean cannotApply(MethodDeclaration md, TypeInfo owner, Node site, ParsedFile f) {
    if (!(site instanceof MethodCallExpr mc)
        || md.getParameters().stream().anyMatch(Parameter::isVarArgs)
        || md.getParameters().size() != mc.getArguments().size()) {
      return false;
    }
    FileScope callScope = project.scope(f);
    FileScope declScope = project.scope(owner.file());
    for (int i = 0; i < mc.getArguments().size(); i++) {
      if (!(md.getParameter(i).getType() instanceof ClassOrInterfaceType pt)) {
        continue;
      }
      String param = declScope.resolveType(pt.getNameWithScope(), md);
      String arg = argumentType(mc.getArgument(i), callScope);
      if (param != null && arg != null && !mayAssign(arg, param, 0)) {
        return true;
      }
    }
    return false;
  }

  private String argumentType(Expression e, FileScope scope) {
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return "java.lang.String";
    }
    return types.typeOf(e, scope);
  }

  /** False only if a value of declared type {@code from} can never be assigned to {@code to}. */
  private boolean mayAssign(String from, String to, int depth) {
    if (from.equals(to) || to.equals("java.lang.Object") || depth > 16) {
      return true;
    }
    boolean fromJdk = FileScope.jdkClass(from);
    boolean toJdk = FileScope.jdkClass(to);
    TypeInfo toType = project.type(to);
    if (fromJdk) {
      if (toType != null) {
        return false; // a JDK type has only JDK supertypes
      }
      Class<?> a = ExpressionTypes.jdkType(from);
      Class<?> b = ExpressionTypes.jdkType(to);
      return a == null || b == null || b.isAssignableFrom(a);
    }
    TypeInfo fromType = project.type(from);
    if (fromType == null) {
      return true; // a library type: its supertypes are unknown
    }
    if (!(fromType.decl() instanceof ClassOrInterfaceDeclaration) && (toJdk || toType == null)) {
      return true; // implicit java.lang.Enum, Record or Annotation supertypes: not followed
    }
    FileScope there = project.scope(fromType.file());
    for (ClassOrInterfaceType sup : there.supertypesWritten(fromType)) {
      String s = there.resolveType(sup.getNameWithScope(), fromType.decl());
      if (s == null || mayAssign(s, to, depth + 1)) {
        return true;
      }
    }
    // Every supertype is known and none leads to `to`: only java.lang.Object remains.
    return false;
  }
}
