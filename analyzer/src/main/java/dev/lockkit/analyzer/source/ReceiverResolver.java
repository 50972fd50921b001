package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.source.FileFacts.DeclaredType;
import dev.lockkit.analyzer.source.FileFacts.Refs;
import dev.lockkit.analyzer.source.GraphBuilder.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes what {@link ReceiverTypes} described: the static type of a call's receiver, resolved
 * against the whole project, reported to a {@link UseListener} as a use of the called method on
 * that type and on each of its supertypes (a method is banned on the type that declares it, which
 * may be any of them).
 *
 * <p>Fields and method results are typed by their declared types, looked up in the type and then
 * its project supertypes and resolved in the declaring file's scope; a bare name is first a field
 * of the enclosing types (innermost first, inherited included), else a type. A type outside the
 * project is known by the names its file's imports or {@code java.lang} would give it, as in {@link
 * UseReporter}; a field or method of such a type is not known, so a chain through one stays
 * unresolved. Unresolved receivers are not reported: the rule misses such a use rather than invent
 * one.
 */
final class ReceiverResolver {

  private static final int MAX_DEPTH = 64;

  private final GraphBuilder g;

  ReceiverResolver(GraphBuilder g) {
    this.g = g;
  }

  /** A static type: a project type, or the candidate names of a type outside the project. */
  private record Resolved(TypeInfo type, List<String> names) {}

  void report(UseListener out, int f, Refs refs, int i, String fromType) {
    String member = refs.member(i);
    String method = member.substring(0, member.indexOf('/'));
    Resolved r = resolve(refs.chain(i), member, f, refs.context(i));
    if (r == null) {
      return;
    }
    Location at = new Location(g.files.get(f).path(), refs.line(i), refs.column(i));
    for (String type : closure(r)) {
      out.use(fromType, type, method, at);
    }
  }

  private Resolved resolve(String description, String member, int f, int ctx) {
    String[] parts = description.split("\\|");
    String base = parts[0];
    Resolved r;
    if (base.equals("this") || base.equals("super")) {
      r = ctx < 0 ? null : enclosing(f, ctx, parts.length == 1 ? member : null);
    } else if (base.startsWith("T:")) {
      r = type(base.substring(2), f, ctx);
    } else {
      r = name(base.substring(2), f, ctx);
    }
    for (int k = 1; k < parts.length && r != null; k++) {
      if (r.type() == null) {
        return null; // a member of a type outside the project: its type is unknown
      }
      String step = parts[k];
      r =
          step.startsWith("f:")
              ? typed(field(r.type(), step.substring(2), 0))
              : method(r.type(), step.substring(2), 0);
    }
    return r;
  }

  /**
   * The enclosing type a call without receiver goes to: the innermost one that declares or inherits
   * (from the project) the method, else the innermost.
   */
  private Resolved enclosing(int f, int ctx, String member) {
    List<DeclaredType> types = g.files.get(f).types();
    if (member != null) {
      for (int c = ctx; c >= 0; c = types.get(c).outer()) {
        if (returnType(g.infos[f][c], member, 0) != null) {
          return project(g.infos[f][c]);
        }
      }
    }
    return project(g.infos[f][ctx]);
  }

  /** A name chain whose first name is no local: a field in scope, else a (qualified) type. */
  private Resolved name(String chain, int f, int ctx) {
    String[] seg = chain.split("\\.");
    List<DeclaredType> types = g.files.get(f).types();
    for (int c = ctx; c >= 0; c = types.get(c).outer()) {
      TypeInfo owner = g.infos[f][c];
      Field found = field(owner, seg[0], 0);
      if (found != null) {
        return fields(typed(found), seg, 1);
      }
    }
    for (int k = seg.length; k >= 1; k--) {
      String prefix = String.join(".", java.util.Arrays.copyOfRange(seg, 0, k));
      TypeInfo t = g.resolveChain(prefix, f, ctx);
      if (t != null && g.lastChainWhole) {
        return fields(project(t), seg, k);
      }
    }
    if (Character.isUpperCase(seg[0].charAt(0))) {
      return seg.length == 1 ? new Resolved(null, candidates(seg[0], f)) : null;
    }
    for (int k = 1; k < seg.length; k++) {
      if (Character.isUpperCase(seg[k].charAt(0))) {
        String type = String.join(".", java.util.Arrays.copyOfRange(seg, 0, k + 1));
        return k == seg.length - 1 ? new Resolved(null, List.of(type)) : null;
      }
    }
    return null;
  }

  private Resolved fields(Resolved r, String[] seg, int from) {
    for (int k = from; k < seg.length && r != null; k++) {
      if (r.type() == null) {
        return null;
      }
      r = typed(field(r.type(), seg[k], 0));
    }
    return r;
  }

  /** A field's declared type as written and the type that declares it. */
  private record Field(String written, TypeInfo owner) {}

  private Field field(TypeInfo t, String name, int depth) {
    String w = declared(t).fieldTypes().get(name);
    if (w != null) {
      return new Field(w, t);
    }
    if (depth < MAX_DEPTH) {
      for (TypeInfo s : g.supers(t)) {
        Field f = field(s, name, depth + 1);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private Resolved typed(Field field) {
    if (field == null || field.written().isEmpty()) {
      return null;
    }
    return type(field.written(), field.owner().file, field.owner().decl);
  }

  private Resolved method(TypeInfo t, String member, int depth) {
    Field r = returnType(t, member, depth);
    return r == null ? null : typed(r);
  }

  /** The return type of the overloads {@code member} may call, if they agree. */
  private Field returnType(TypeInfo t, String member, int depth) {
    Set<String> found = new HashSet<>();
    for (Map.Entry<String, String> e : declared(t).returnTypes().entrySet()) {
      if (GraphBuilder.overloadMatches(e.getKey(), member)) {
        found.add(e.getValue());
      }
    }
    if (!found.isEmpty()) {
      return new Field(found.size() == 1 ? found.iterator().next() : "", t);
    }
    if (depth < MAX_DEPTH) {
      for (TypeInfo s : g.supers(t)) {
        Field f = returnType(s, member, depth + 1);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** A type as written in file {@code f} at context {@code ctx}. */
  private Resolved type(String written, int f, int ctx) {
    TypeInfo t = g.resolveChain(written, f, ctx);
    if (t != null) {
      return g.lastChainWhole ? project(t) : null;
    }
    return new Resolved(null, candidates(written, f));
  }

  private static Resolved project(TypeInfo t) {
    return new Resolved(t, List.of(t.fqn));
  }

  private DeclaredType declared(TypeInfo t) {
    return g.files.get(t.file).types().get(t.decl);
  }

  /** The names a type outside the project may have, as written in file {@code f}. */
  private List<String> candidates(String written, int f) {
    FileFacts facts = g.files.get(f);
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String rest = dot < 0 ? "" : written.substring(dot);
    if (!Character.isUpperCase(first.charAt(0))) {
      return List.of(written);
    }
    for (String imp : facts.singleImports()) {
      if (imp.equals(first) || imp.endsWith("." + first)) {
        return List.of(imp + rest);
      }
    }
    List<String> out = new ArrayList<>();
    out.add("java.lang." + written);
    for (String od : facts.onDemandImports()) {
      out.add(od + "." + written);
    }
    return out;
  }

  /** The type and all its supertypes, project ones resolved, outside ones by candidate names. */
  private Set<String> closure(Resolved r) {
    Set<String> out = new LinkedHashSet<>();
    if (r.type() == null) {
      out.addAll(r.names());
      return out;
    }
    addSupertypes(r.type(), out, new HashSet<>(), 0);
    return out;
  }

  private void addSupertypes(TypeInfo t, Set<String> out, Set<TypeInfo> seen, int depth) {
    if (!seen.add(t) || depth > MAX_DEPTH) {
      return;
    }
    out.add(t.fqn);
    DeclaredType d = declared(t);
    for (String s : d.supertypes()) {
      TypeInfo st = g.resolveChain(s, t.file, d.outer());
      if (st == null) {
        out.addAll(candidates(s, t.file));
      } else if (g.lastChainWhole) {
        addSupertypes(st, out, seen, depth + 1);
      }
    }
  }
}
