package dev.lockkit.refactor.migrate.template;

/**
 * A rule of the template file that is not applied, with the reason (an unsupported Refaster feature
 * or an inconsistency). The rest of the file still runs: one rule outside the supported subset must
 * not block the others, as a compiler would not refuse a whole file of independent rules.
 *
 * @param name the rule's class name, nested classes joined with {@code .}
 * @param line the rule's line in the template file
 * @param reason {@code file:line: reason}, the line being where the problem is
 */
public record SkippedRule(String name, int line, String reason) {}
