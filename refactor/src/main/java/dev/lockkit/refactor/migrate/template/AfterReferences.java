package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.resolution.declarations.AssociableToAST;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.lockkit.refactor.migrate.ifconfig.IfConfigAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an after template's references must satisfy in the code it is copied into: nothing private
 * or declared in the template file, and the {@code @IfConfig} conditions of what it names, read
 * from the declarations {@link RefResolver} found (javac's elements or the symbol solver's).
 */
final class AfterReferences {

  private final TemplateParser parser;
  private final Map<Node, Object> declarations;

  AfterReferences(TemplateParser parser, Map<Node, Object> declarations) {
    this.parser = parser;
    this.declarations = declarations;
  }

  /**
   * Refuses an after template that references what the rewritten code cannot reach: a private
   * member, or anything declared in the template file itself (a helper next to the rules), since
   * the rewrite copies the template's text into another class.
   */
  void checkReachable(Map<Node, Ref> refs, Set<String> templateTypes) throws TemplateException {
    for (Map.Entry<Node, Object> e : sortedDeclarations()) {
      if (!refs.containsKey(e.getKey())) {
        continue;
      }
      Object d = e.getValue();
      String what = null;
      String owner = null;
      boolean isPrivate = false;
      if (d instanceof javax.lang.model.element.Element el && JavacRefs.describe(el) != null) {
        what = JavacRefs.describe(el);
        owner = JavacRefs.declaringType(el);
        isPrivate = JavacRefs.isPrivate(el);
      } else if (d instanceof ResolvedMethodDeclaration m) {
        what = "method " + m.getName();
        owner = m.declaringType().getQualifiedName();
        isPrivate = m.accessSpecifier() == com.github.javaparser.ast.AccessSpecifier.PRIVATE;
      } else if (d instanceof ResolvedValueDeclaration v && v.isField()) {
        what = "field " + v.getName();
        owner = v.asField().declaringType().getQualifiedName();
        isPrivate =
            v.asField().accessSpecifier() == com.github.javaparser.ast.AccessSpecifier.PRIVATE;
      }
      if (what == null) {
        continue;
      }
      if (templateTypes.contains(owner)) {
        throw parser.error(
            e.getKey(),
            "the @"
                + TemplateParser.AFTER
                + " uses "
                + what
                + " of the template file itself, which the rewritten code cannot reach");
      }
      if (isPrivate) {
        throw parser.error(
            e.getKey(),
            "the @"
                + TemplateParser.AFTER
                + " uses private "
                + what
                + " of "
                + owner
                + ", which the rewritten code cannot reach");
      }
    }
  }

  /**
   * The gated declarations an after template references: for each, the {@code @IfConfig} conditions
   * on the declaration and its enclosing types, read from javac's element (its annotation mirrors,
   * from source or from a class file) while javac's task is alive. A declaration whose {@code
   * IfConfig} javac gives no value for refuses the rule: its condition is unknown.
   */
  List<Template.Requirement> requirements(Map<Node, Ref> refs) throws TemplateException {
    Map<String, Template.Requirement> out = new LinkedHashMap<>();
    for (Map.Entry<Node, Object> e : sortedDeclarations()) {
      Ref ref = refs.get(e.getKey());
      if (ref == null) {
        continue;
      }
      List<String> conditions = new ArrayList<>();
      if (e.getValue() instanceof javax.lang.model.element.Element el) {
        try {
          conditions.addAll(parser.javacRefs().conditions(el));
        } catch (IllegalStateException ex) {
          throw parser.error(e.getKey(), ex.getMessage());
        }
      } else {
        ast(e.getValue()).ifPresent(a -> collectConditions(a, conditions));
      }
      if (!conditions.isEmpty()) {
        out.putIfAbsent(ref.key(), new Template.Requirement(ref, conditions));
      }
    }
    return List.copyOf(out.values());
  }

  private List<Map.Entry<Node, Object>> sortedDeclarations() {
    List<Map.Entry<Node, Object>> list = new ArrayList<>(declarations.entrySet());
    list.sort(
        (a, b) ->
            a.getKey().getBegin().orElseThrow().compareTo(b.getKey().getBegin().orElseThrow()));
    return list;
  }

  private static Optional<Node> ast(Object declaration) {
    try {
      if (declaration instanceof AssociableToAST a) {
        return a.toAst();
      }
      if (declaration instanceof ResolvedType t && t.isReferenceType()) {
        return t.asReferenceType().getTypeDeclaration().flatMap(AssociableToAST::toAst);
      }
    } catch (RuntimeException e) {
      // A declaration from a jar has no source: treated as unconditional (documented).
    }
    return Optional.empty();
  }

  private static void collectConditions(Node n, List<String> out) {
    Optional<Node> cur = Optional.of(n);
    while (cur.isPresent()) {
      Node c = cur.get();
      if (c instanceof NodeWithAnnotations<?> a) {
        for (AnnotationExpr ann : a.getAnnotations()) {
          if (IfConfigAnnotation.is(ann)) {
            IfConfigAnnotation.value(ann).ifPresent(out::add);
          }
        }
      }
      cur = c.getParentNode();
    }
  }
}
