package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.source.FileFacts.DeclaredType;
import dev.lockkit.analyzer.source.FileFacts.RefKind;
import dev.lockkit.analyzer.source.FileFacts.Refs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the names recorded by the front end against the types declared in the analysed project
 * and builds the {@link CodeGraph}.
 *
 * <p>Implementation overview. First every declared type is indexed by fully qualified name and
 * every top-level type by (package, simple name). A simple name is then looked up the way JLS
 * 6.5/6.4.1 orders scopes: the enclosing types from the innermost outwards (the type itself and its
 * member types, declared or inherited from project supertypes), then single-type imports, then the
 * package, then on-demand imports (of packages or of types). A single-type import of a type outside
 * the project ends the search, so a same-named type in the package cannot capture it. A dotted name
 * resolves its first segment that way and the rest as member types; failing that, its longest
 * prefix that is a project package followed by a type is taken as a fully qualified name.
 * Expression chains keep the longest prefix that is a type (so {@code Foo.BAR.baz()} depends on
 * {@code Foo}); bare names and unqualified calls become dependencies only through static imports,
 * and a call is left alone when an enclosing type declares (or inherits from the project) a member
 * of that name. Supertypes are resolved lazily in the scope enclosing their declaration, with a
 * guard against inheritance cycles in broken code. Names that resolve outside the project ({@code
 * java.lang}, libraries) are not edges: the graph is the project's own structure. Results are
 * cached per file and context.
 *
 * <p>A static call {@code Foo.m(a, b)} or method reference {@code Foo::m} also adds edges to the
 * project types in the declared signatures of {@code Foo}'s methods {@code m} of that arity: the
 * compiled call's descriptor names them, so the compiled class depends on them even when the source
 * never spells them (a lambda argument's functional interface). Overloads of equal arity are not
 * told apart, which can add an edge javac would not (measured against jdeps in {@code
 * JdepsAccuracyTest}).
 *
 * <p>An optional {@link UseListener} hears of every use, resolved or external, in file order; it
 * costs nothing when absent.
 */
public final class GraphBuilder {

  /** Marks a name that an import binds to a type outside the project. */
  static final TypeInfo EXTERNAL = new TypeInfo("", "", -1, -1, null);

  private static final int MAX_INHERITANCE_DEPTH = 64;

  static final class TypeInfo {
    final String fqn;
    final String simple;
    final int file;
    final int decl;
    final TypeInfo outer;
    final Map<String, TypeInfo> members = new HashMap<>(4);
    List<TypeInfo> supers; // null until resolved
    boolean resolvingSupers;
    int top = -1;

    TypeInfo(String fqn, String simple, int file, int decl, TypeInfo outer) {
      this.fqn = fqn;
      this.simple = simple;
      this.file = file;
      this.decl = decl;
      this.outer = outer;
    }
  }

  final List<FileFacts> files;
  private final Map<String, TypeInfo> byFqn = new HashMap<>();
  private final Map<String, Map<String, TypeInfo>> topByPackage = new HashMap<>();
  private final Set<String> packageFirstSegments = new HashSet<>();
  final TypeInfo[][] infos;

  private GraphBuilder(List<FileFacts> files) {
    this.files = files;
    this.infos = new TypeInfo[files.size()][];
  }

  /** The project's graph, built from the facts of all its files. */
  public static CodeGraph build(List<String> modules, List<FileFacts> files) {
    return build(modules, files, null);
  }

  /**
   * The project's graph; {@code uses}, when not null, also hears of every use of a type or member,
   * external ones included (see {@link UseListener}).
   */
  public static CodeGraph build(List<String> modules, List<FileFacts> files, UseListener uses) {
    GraphBuilder b = new GraphBuilder(files);
    b.uses = uses;
    return b.run(modules);
  }

  private UseListener uses;
  private final ReceiverResolver receivers = new ReceiverResolver(this);

  /** Every input finding (parse, encoding, size) of the files, in report order. */
  public static List<Finding> inputFindings(List<FileFacts> files) {
    List<Finding> out = new ArrayList<>();
    for (FileFacts f : files) {
      out.addAll(f.problems());
    }
    out.sort(Finding.ORDER);
    return out;
  }

  private CodeGraph run(List<String> modules) {
    CodeGraph.Builder graph = new CodeGraph.Builder(modules);
    index();
    int[] pseudo = new int[files.size()];
    for (int f = 0; f < files.size(); f++) {
      FileFacts facts = files.get(f);
      for (TypeInfo t : infos[f]) {
        if (t.outer == null) {
          t.top = graph.addType(t.fqn, facts.packageName(), facts.module());
        }
      }
      for (TypeInfo t : infos[f]) {
        TypeInfo top = t;
        while (top.outer != null) {
          top = top.outer;
        }
        t.top = top.top;
      }
      pseudo[f] = -1;
    }
    for (int f = 0; f < files.size(); f++) {
      FileFacts facts = files.get(f);
      int fileId = graph.addFile(facts.path());
      Refs refs = facts.refs();
      if (refs.size() == 0) {
        continue;
      }
      Integer[] order = new Integer[refs.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) ->
              refs.line(a) != refs.line(b)
                  ? Integer.compare(refs.line(a), refs.line(b))
                  : Integer.compare(refs.column(a), refs.column(b)));
      Map<String, TypeInfo> cache = new HashMap<>();
      cachedWhole.clear();
      for (int i : order) {
        if (refs.kind(i) == RefKind.RECEIVER) {
          if (uses != null) {
            receivers.report(uses, f, refs, i, fromType(f, refs.context(i)));
          }
          continue; // for rules only: the graph's edges come from the names as written
        }
        TypeInfo target = resolveRef(f, refs, i, cache);
        if (uses != null) {
          boolean project = target != null && target != EXTERNAL;
          UseReporter.report(
              uses, facts, refs, i, fromType(f, refs.context(i)), project ? target.fqn : null);
        }
        if (target == null || target == EXTERNAL || FactExtractor.isConstruction(refs, i)) {
          continue;
        }
        int ctx = refs.context(i);
        int from;
        if (ctx >= 0) {
          from = infos[f][ctx].top;
        } else {
          if (pseudo[f] < 0) {
            String pkg = facts.packageName();
            pseudo[f] =
                graph.addType(
                    pkg.isEmpty() ? "package-info" : pkg + ".package-info", pkg, facts.module());
          }
          from = pseudo[f];
        }
        graph.addReference(from, target.top, fileId, refs.line(i), refs.column(i));
        if (lastWasStaticMember && refs.member(i) != null) {
          for (TypeInfo t : signatureTypes(target, refs.member(i), 0)) {
            graph.addReference(from, t.top, fileId, refs.line(i), refs.column(i));
          }
        }
      }
    }
    return graph.build();
  }

  /** The top-level type a reference in this context belongs to, as {@link UseListener} names it. */
  private String fromType(int f, int ctx) {
    FileFacts facts = files.get(f);
    return ctx >= 0
        ? facts.types().get(topDecl(f, ctx)).fqn()
        : (facts.packageName().isEmpty() ? "" : facts.packageName() + ".") + "package-info";
  }

  private int topDecl(int f, int decl) {
    List<DeclaredType> types = files.get(f).types();
    while (types.get(decl).outer() >= 0) {
      decl = types.get(decl).outer();
    }
    return decl;
  }

  private void index() {
    for (int f = 0; f < files.size(); f++) {
      FileFacts facts = files.get(f);
      List<DeclaredType> decls = facts.types();
      infos[f] = new TypeInfo[decls.size()];
      for (int d = 0; d < decls.size(); d++) {
        DeclaredType dt = decls.get(d);
        TypeInfo outer = dt.outer() >= 0 ? infos[f][dt.outer()] : null;
        TypeInfo ti = new TypeInfo(dt.fqn(), dt.simpleName(), f, d, outer);
        infos[f][d] = ti;
        byFqn.putIfAbsent(dt.fqn(), ti);
        if (outer != null) {
          outer.members.putIfAbsent(dt.simpleName(), ti);
        } else {
          topByPackage
              .computeIfAbsent(facts.packageName(), k -> new HashMap<>())
              .putIfAbsent(dt.simpleName(), ti);
          if (!facts.packageName().isEmpty()) {
            packageFirstSegments.add(firstSegment(facts.packageName()));
          }
        }
      }
    }
  }

  private static String firstSegment(String s) {
    int dot = s.indexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }

  /** Set by {@link #resolveRef}: the chain named exactly a type, so its member is a static one. */
  private boolean lastWasStaticMember;

  private final Set<String> cachedWhole = new HashSet<>();

  /**
   * The project types named in the declared signatures of a type's methods that a call could select
   * (same name; same arity, or varargs that can take the arguments; any arity for a method
   * reference), looked up in the type or, when it declares none, its project supertypes: the types
   * a compiled call's descriptor names, which a dependency on the compiled code includes. Resolved
   * in the declaring file's scope.
   */
  private List<TypeInfo> signatureTypes(TypeInfo owner, String member, int depth) {
    DeclaredType d = files.get(owner.file).types().get(owner.decl);
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : d.signatures().entrySet()) {
      if (overloadMatches(e.getKey(), member)) {
        names.addAll(e.getValue());
      }
    }
    if (names.isEmpty()) {
      if (depth < MAX_INHERITANCE_DEPTH) {
        for (TypeInfo s : supers(owner)) {
          List<TypeInfo> inherited = signatureTypes(s, member, depth + 1);
          if (!inherited.isEmpty()) {
            return inherited;
          }
        }
      }
      return List.of();
    }
    List<TypeInfo> out = new ArrayList<>(names.size());
    for (String n : names) {
      TypeInfo t = resolveChain(n, owner.file, owner.decl);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether a declaration keyed {@code name/arity[+]} can be the target of {@code member}. */
  static boolean overloadMatches(String key, String member) {
    int slash = member.indexOf('/');
    String name = slash < 0 ? member : member.substring(0, slash);
    if (!key.startsWith(name)
        || key.length() <= name.length()
        || key.charAt(name.length()) != '/') {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    int argc = Integer.parseInt(member.substring(slash + 1));
    String arity = key.substring(name.length() + 1);
    boolean varargs = arity.endsWith("+");
    int declared = Integer.parseInt(varargs ? arity.substring(0, arity.length() - 1) : arity);
    return varargs ? argc >= declared - 1 : argc == declared;
  }

  private TypeInfo resolveRef(int f, Refs refs, int i, Map<String, TypeInfo> cache) {
    String chain = refs.chain(i);
    int ctx = refs.context(i);
    if (refs.inHeader(i)) {
      ctx = files.get(f).types().get(ctx).outer();
    }
    String key = ctx + "\u0000" + refs.kind(i).ordinal() + chain;
    if (cache.containsKey(key)) {
      lastWasStaticMember = cachedWhole.contains(key);
      return cache.get(key);
    }
    TypeInfo result;
    lastWasStaticMember = false;
    switch (refs.kind(i)) {
      case TYPE:
        result = resolveChain(chain, f, ctx);
        break;
      case EXPR:
        result = resolveChain(chain, f, ctx);
        lastWasStaticMember = result != null && lastChainWhole;
        if (result == null) {
          result = staticImportOwner(firstSegment(chain), f);
        }
        break;
      default:
        result = declaredInScope(chain, f, ctx) ? null : staticImportOwner(chain, f);
        break;
    }
    cache.put(key, result);
    if (lastWasStaticMember) {
      cachedWhole.add(key);
    }
    return result;
  }

  /** Whether the last {@link #resolveChain} matched the whole chain (not just a prefix). */
  boolean lastChainWhole;

  TypeInfo resolveChain(String chain, int f, int ctx) {
    lastChainWhole = false;
    String[] seg = chain.split("\\.");
    TypeInfo cur = resolveSimple(seg[0], f, ctx);
    int next = 1;
    if (cur == EXTERNAL) {
      return null;
    }
    if (cur == null) {
      if (seg.length < 2 || !packageFirstSegments.contains(seg[0])) {
        return null;
      }
      StringBuilder pkg = new StringBuilder(seg[0]);
      for (int k = 1; k < seg.length && cur == null; k++) {
        Map<String, TypeInfo> inPkg = topByPackage.get(pkg.toString());
        if (inPkg != null && inPkg.containsKey(seg[k])) {
          cur = inPkg.get(seg[k]);
          next = k + 1;
        }
        pkg.append('.').append(seg[k]);
      }
      if (cur == null) {
        return null;
      }
    }
    int k = next;
    for (; k < seg.length; k++) {
      TypeInfo m = member(cur, seg[k], 0);
      if (m == null) {
        break;
      }
      cur = m;
    }
    lastChainWhole = k == seg.length;
    return cur;
  }

  private TypeInfo resolveSimple(String name, int f, int ctx) {
    FileFacts facts = files.get(f);
    for (int c = ctx; c >= 0; c = facts.types().get(c).outer()) {
      TypeInfo t = infos[f][c];
      if (t.simple.equals(name)) {
        return t;
      }
      TypeInfo m = member(t, name, 0);
      if (m != null) {
        return m;
      }
    }
    for (String imp : facts.singleImports()) {
      if (imp.equals(name)
          || (imp.endsWith(name) && imp.charAt(imp.length() - name.length() - 1) == '.')) {
        TypeInfo t = byFqn.get(imp);
        return t == null ? EXTERNAL : t;
      }
    }
    Map<String, TypeInfo> samePackage = topByPackage.get(facts.packageName());
    if (samePackage != null && samePackage.containsKey(name)) {
      return samePackage.get(name);
    }
    for (String od : facts.onDemandImports()) {
      TypeInfo owner = byFqn.get(od);
      TypeInfo t =
          owner != null
              ? member(owner, name, 0)
              : topByPackage.getOrDefault(od, Map.of()).get(name);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** A member type of t, declared or inherited from project supertypes. */
  private TypeInfo member(TypeInfo t, String name, int depth) {
    TypeInfo m = t.members.get(name);
    if (m != null || depth > MAX_INHERITANCE_DEPTH) {
      return m;
    }
    for (TypeInfo s : supers(t)) {
      m = member(s, name, depth + 1);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  List<TypeInfo> supers(TypeInfo t) {
    if (t.supers != null) {
      return t.supers;
    }
    if (t.resolvingSupers) {
      return List.of(); // an inheritance cycle (broken code) or a lookup during resolution
    }
    t.resolvingSupers = true;
    try {
      DeclaredType d = files.get(t.file).types().get(t.decl);
      List<TypeInfo> out = new ArrayList<>(d.supertypes().size());
      for (String s : d.supertypes()) {
        TypeInfo r = resolveChain(s, t.file, d.outer());
        if (r != null && r != t) {
          out.add(r);
        }
      }
      t.supers = out;
      return out;
    } finally {
      t.resolvingSupers = false;
    }
  }

  private boolean hasMember(TypeInfo t, String name, int depth) {
    DeclaredType d = files.get(t.file).types().get(t.decl);
    if (d.memberNames().contains(name)) {
      return true;
    }
    if (depth > MAX_INHERITANCE_DEPTH) {
      return false;
    }
    for (TypeInfo s : supers(t)) {
      if (hasMember(s, name, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private boolean declaredInScope(String name, int f, int ctx) {
    FileFacts facts = files.get(f);
    for (int c = ctx; c >= 0; c = facts.types().get(c).outer()) {
      if (hasMember(infos[f][c], name, 0)) {
        return true;
      }
    }
    return false;
  }

  private TypeInfo staticImportOwner(String name, int f) {
    FileFacts facts = files.get(f);
    for (String imp : facts.staticSingleImports()) {
      int dot = imp.lastIndexOf('.');
      if (dot > 0 && imp.substring(dot + 1).equals(name)) {
        TypeInfo t = byFqn.get(imp.substring(0, dot));
        if (t != null) {
          return t;
        }
      }
    }
    for (String owner : facts.staticOnDemandImports()) {
      TypeInfo t = byFqn.get(owner);
      if (t != null && hasMember(t, name, 0)) {
        return t;
      }
    }
    return null;
  }
}
