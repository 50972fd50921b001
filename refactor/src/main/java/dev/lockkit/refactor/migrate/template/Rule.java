package dev.lockkit.refactor.migrate.template;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Refaster rule: a (nested) class of the template file with its before alternatives and at most
 * one after template (none: the rule only finds).
 *
 * @param name the class's name, nested classes joined with {@code .}
 * @param line the class's line in the template file
 * @param named the methods, fields and types the before templates name (their "old API"), which the
 *     report tracks as sites left wherever no template matched them
 */
public record Rule(
    String name, int line, List<Template> before, Optional<Template> after, Set<Ref> named) {

  public Rule {
    before = List.copyOf(before);
    named = Set.copyOf(named);
  }

  /** True if the rule has no after template. */
  public boolean findOnly() {
    return after.isEmpty();
  }
}
