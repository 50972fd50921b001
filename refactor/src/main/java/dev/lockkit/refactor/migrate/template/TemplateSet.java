package dev.lockkit.refactor.migrate.template;

import dev.lockkit.refactor.edit.SourceFile;
import java.util.List;

/**
 * The rules of one template file, in file order, with the file's text (after templates are rendered
 * from it, so their formatting is the template author's), and the rules that are skipped with their
 * reasons.
 */
public record TemplateSet(
    SourceFile file, String displayPath, List<Rule> rules, List<SkippedRule> skipped) {
  public TemplateSet {
    rules = List.copyOf(rules);
    skipped = List.copyOf(skipped);
  }

  /** A set with no skipped rule. */
  public TemplateSet(SourceFile file, String displayPath, List<Rule> rules) {
    this(file, displayPath, rules, List.of());
  }
}
