package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import java.util.List;

/**
 * The syntax a {@code @BeforeTemplate} body may use: the node kinds the matcher unifies. Anything
 * else (loops other than an enhanced {@code for}, switch, try, array creation, patterns, anonymous
 * classes, {@code Refaster} helpers other than {@code anyOf}, {@code clazz} and {@code isInstance})
 * is refused with its kind named, rather than matched approximately.
 */
final class BodyChecker {

  private static final List<Class<?>> ALLOWED =
      List.of(
          NameExpr.class,
          SimpleName.class,
          Name.class,
          FieldAccessExpr.class,
          MethodCallExpr.class,
          ObjectCreationExpr.class,
          LiteralExpr.class,
          BinaryExpr.class,
          UnaryExpr.class,
          ConditionalExpr.class,
          CastExpr.class,
          InstanceOfExpr.class,
          ArrayAccessExpr.class,
          AssignExpr.class,
          EnclosedExpr.class,
          ClassExpr.class,
          ThisExpr.class,
          LambdaExpr.class,
          MethodReferenceExpr.class,
          TypeExpr.class,
          Parameter.class,
          VariableDeclarationExpr.class,
          VariableDeclarator.class,
          Modifier.class,
          Type.class,
          ExpressionStmt.class,
          ReturnStmt.class,
          IfStmt.class,
          ForEachStmt.class,
          ThrowStmt.class,
          BlockStmt.class,
          Comment.class);

  /** The {@code Refaster} helpers a before template may call ({@link RefResolver} checks them). */
  private static final java.util.Set<String> SUPPORTED_REFASTER =
      java.util.Set.of("anyOf", "clazz", "isInstance");

  private BodyChecker() {}

  static void check(TemplateParser parser, Node body) throws TemplateException {
    for (Node n : body.findAll(Node.class)) {
      if (ALLOWED.stream().noneMatch(c -> c.isInstance(n))) {
        throw parser.error(
            n,
            describe(n)
                + " in a @"
                + TemplateParser.BEFORE
                + " is not supported (see refactor/MIGRATE.md for the supported subset)");
      }
      if (n instanceof MethodCallExpr mc
          && RefResolver.isRefasterCall(mc)
          && !SUPPORTED_REFASTER.contains(mc.getNameAsString())) {
        throw parser.error(
            n,
            "Refaster."
                + mc.getNameAsString()
                + " is not supported (only Refaster.anyOf, clazz and isInstance are)");
      }
      if (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
        throw parser.error(
            n, "an anonymous class in a @" + TemplateParser.BEFORE + " is not supported");
      }
      if (n instanceof InstanceOfExpr io && io.getPattern().isPresent()) {
        throw parser.error(
            n, "an instanceof pattern in a @" + TemplateParser.BEFORE + " is not supported");
      }
      if (n instanceof VariableDeclarationExpr v && v.getVariables().size() != 1) {
        throw parser.error(n, "declare one variable per statement in a @" + TemplateParser.BEFORE);
      }
    }
  }

  private static String describe(Node n) {
    String kind = n.getClass().getSimpleName();
    return switch (kind) {
      case "LambdaExpr" -> "a lambda expression";
      case "MethodReferenceExpr" -> "a method reference";
      case "SwitchExpr", "SwitchStmt" -> "a switch";
      case "ForStmt", "ForEachStmt", "WhileStmt", "DoStmt" -> "a loop";
      case "TryStmt" -> "a try statement";
      case "ArrayCreationExpr", "ArrayInitializerExpr" -> "an array creation";
      case "SuperExpr" -> "'super'";
      default -> "a " + kind;
    };
  }
}
