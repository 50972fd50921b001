package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.finding.Location;

/**
 * Receives every use of a type or of a type's member that the front end sees, including uses of
 * types outside the project (the JDK, libraries), for rules that match names rather than graph
 * edges ({@code api/forbidden}).
 */
@FunctionalInterface
public interface UseListener {

  /**
   * One use.
   *
   * @param fromType the top-level type the use is in ({@code pkg.package-info} for package
   *     annotations)
   * @param typeName the qualified name of the used type, nested types dotted ({@code a.B.C}); for a
   *     use of an external type this is a candidate: the name the import or {@code java.lang} would
   *     give it (several candidates may be reported for one use under on-demand imports)
   * @param member the field or method used, or null for a use of the type itself
   * @param at where
   */
  void use(String fromType, String typeName, String member, Location at);
}
