package dev.lockkit.refactor.migrate.template;

import dev.lockkit.refactor.edit.SourceFile;
import java.util.List;

/**
 * The rules of one template file, in file order, with the file's text (after templates are rendered
 * from it, so their formatting is the template author's).
 */
public record TemplateSet(SourceFile file, String displayPath, List<Rule> rules) {
  public TemplateSet {
    rules = List.copyOf(rules);
  }
}
