package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an after template's references must satisfy in the code it is copied into: nothing private
 * or declared in the template file, and the {@code @IfConfig} conditions of what it names, read
 * from javac's elements of the declarations {@link RefResolver} found.
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
}
