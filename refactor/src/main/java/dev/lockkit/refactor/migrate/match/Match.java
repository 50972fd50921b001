package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.migrate.template.Rule;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.List;

/**
 * One site where a before template matched: the target node (an expression) or consecutive
 * statements, with the bindings that render the after template there.
 */
public record Match(Rule rule, Template before, List<? extends Node> targets, Bindings bindings) {
  public Match {
    targets = List.copyOf(targets);
  }

  /** The first target node. */
  public Node first() {
    return targets.get(0);
  }

  /** The last target node. */
  public Node last() {
    return targets.get(targets.size() - 1);
  }
}
