package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.source.FileFacts.RefKind;
import dev.lockkit.analyzer.source.FileFacts.Refs;

/**
 * Turns one recorded reference into {@link UseListener} calls: the used type (resolved in the
 * project, or candidate names of an external type) and the member after it.
 *
 * <p>For an external type the candidates follow the imports: a single-type import names it; else
 * {@code java.lang} and each on-demand import are candidates; a fully qualified chain names itself
 * up to its first capitalised segment; a static single import names the owner of an imported
 * member. An unqualified call through a static on-demand import of an external type is not seen
 * (whether the type has such a method is unknown without its class file).
 */
final class UseReporter {

  private UseReporter() {}

  static void report(
      UseListener out, FileFacts facts, Refs refs, int i, String fromType, String projectType) {
    String chain = refs.chain(i);
    String[] seg = chain.split("\\.");
    String call = callName(refs.member(i));
    Location at = new Location(facts.path(), refs.line(i), refs.column(i));
    RefKind kind = refs.kind(i);
    if (projectType != null) {
      if (kind == RefKind.CALL) {
        out.use(fromType, projectType, chain, at);
        return;
      }
      String simple = projectType.substring(projectType.lastIndexOf('.') + 1);
      int j = -1;
      for (int k = 0; k < seg.length; k++) {
        if (seg[k].equals(simple)) {
          j = k;
        }
      }
      String member;
      if (kind == RefKind.TYPE) {
        member = null;
      } else if (j < 0) {
        member = seg[0]; // through a static import
      } else {
        member = j + 1 < seg.length ? seg[j + 1] : call;
      }
      out.use(fromType, projectType, member, at);
      return;
    }
    if (kind == RefKind.CALL) {
      String owner = staticOwner(facts, chain);
      if (owner != null) {
        out.use(fromType, owner, chain, at);
      }
      return;
    }
    String first = seg[0];
    String member = seg.length > 1 ? seg[1] : call;
    if (kind == RefKind.TYPE) {
      member = null;
    }
    if (!first.isEmpty() && Character.isUpperCase(first.charAt(0))) {
      for (String imp : facts.singleImports()) {
        if (imp.equals(first) || imp.endsWith("." + first)) {
          out.use(fromType, imp, member, at);
          return;
        }
      }
      out.use(fromType, "java.lang." + first, member, at);
      for (String od : facts.onDemandImports()) {
        out.use(fromType, od + "." + first, member, at);
      }
      return;
    }
    if (kind == RefKind.EXPR) {
      String owner = staticOwner(facts, first);
      if (owner != null) {
        out.use(fromType, owner, first, at);
        return;
      }
    }
    for (int k = 1; k < seg.length; k++) {
      if (!seg[k].isEmpty() && Character.isUpperCase(seg[k].charAt(0))) {
        String type = String.join(".", java.util.Arrays.copyOfRange(seg, 0, k + 1));
        String m = kind == RefKind.TYPE ? null : k + 1 < seg.length ? seg[k + 1] : call;
        out.use(fromType, type, m, at);
        return;
      }
    }
  }

  private static String staticOwner(FileFacts facts, String name) {
    for (String imp : facts.staticSingleImports()) {
      int dot = imp.lastIndexOf('.');
      if (dot > 0 && imp.substring(dot + 1).equals(name)) {
        return imp.substring(0, dot);
      }
    }
    return null;
  }

  /** {@code name/argc} to {@code name}. */
  private static String callName(String member) {
    if (member == null) {
      return null;
    }
    int slash = member.indexOf('/');
    return slash < 0 ? member : member.substring(0, slash);
  }
}
