package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.javac.Attribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The members the analysed code's calls, method references and field accesses denote, as javac's
 * attribution decides them ({@link Attribution}: overloads, generics, varargs, boxing, inherited
 * members and target-typed method references exactly as the compiler that builds the project).
 *
 * <p>Only the method bodies that spell a name some before template names are attributed (the others
 * are blanked, offsets kept): a site of a template must spell its member's name. A JavaParser node
 * is matched to javac's tree by its character span in the same text. {@link #method} and {@link
 * #field} answer null where javac has no tree at that span (a template, a file javac did not read):
 * the caller then falls back on JavaParser's symbol solver.
 */
public final class Symbols {

  /** What javac says a reference denotes. */
  public sealed interface Answer permits Member, Unresolved {}

  /**
   * A method, constructor or field.
   *
   * @param owner the qualified name of the declaring type
   * @param signature for a method, its erased parameter types ({@code (java.lang.String,int)});
   *     empty for a field
   * @param ownerSupertypes the qualified names of every supertype of the declaring type
   */
  public record Member(
      String owner,
      String name,
      String signature,
      boolean isStatic,
      Set<String> ownerSupertypes,
      Set<String> overrides)
      implements Answer {

    /** A member that overrides nothing javac told of. */
    public Member(
        String owner,
        String name,
        String signature,
        boolean isStatic,
        Set<String> ownerSupertypes) {
      this(owner, name, signature, isStatic, ownerSupertypes, Set.of());
    }

    /**
     * Whether this method overrides {@code owner#name signature} (a method of a supertype, generic
     * ones included: {@code String.compareTo(String)} overrides {@code Comparable.compareTo(T)},
     * whose erasure is {@code (java.lang.Object)}), as javac decides.
     */
    public boolean overrides(String owner, String name, String signature) {
      return overrides.contains(owner + "#" + name + signature);
    }
  }

  /** javac could not resolve the reference, or reports an error inside it. */
  public record Unresolved(String problem) implements Answer {}

  private static final Symbols NONE = new Symbols(Map.of(), Map.of());

  /**
   * javac's answer for one span, in lockkit's own terms: as a method ({@code method} null when the
   * element is none) and as a field (or a member without an owner for a local, parameter or type),
   * or the problem that makes it unresolved.
   */
  private record Stored(Member method, String kind, Member field, String problem) {}

  /** Per attributed file, its spans' answers (key: start in the high half, end in the low). */
  private final Map<Path, Map<Long, Stored>> answers;

  private final Map<CompilationUnit, SourceFile> files;

  /**
   * javac's type of an expression of the analysed code, as lockkit keeps it: the type as javac
   * prints it, the placeholders (by id) whose declared type without type variables it is assignable
   * to, and its fit for each placeholder whose declared type has type variables (by id, {@link
   * TypeFit}).
   */
  private record Fit(String type, BitSet fits, TypeFit[] generic, boolean raw) {}

  /** Per attributed file, the expressions' types (key as {@link #answers}'). */
  private final Map<Path, Map<Long, Fit>> types;

  /** The placeholders javac typed, by the offset of the parameter's name in the template file. */
  private final Map<Integer, Integer> placeholderIds;

  private final SourceFile template;

  private Symbols(Map<Path, Map<Long, Stored>> answers, Map<CompilationUnit, SourceFile> files) {
    this(answers, files, Map.of(), Map.of(), null);
  }

  private Symbols(
      Map<Path, Map<Long, Stored>> answers,
      Map<CompilationUnit, SourceFile> files,
      Map<Path, Map<Long, Fit>> types,
      Map<Integer, Integer> placeholderIds,
      SourceFile template) {
    this.answers = answers;
    this.files = files;
    this.types = types;
    this.placeholderIds = placeholderIds;
    this.template = template;
  }

  /**
   * Attributes the workspace's files with javac.
   *
   * @param names the simple names the before templates spell (members, constructor types); bodies
   *     that spell none of them are not attributed
   * @param classpath the {@code --classpath} entries: jars and class directories go on javac's
   *     class path, source directories on its source path with the files' own source roots
   */
  public static Symbols of(Workspace ws, List<Path> classpath, Set<String> names) {
    if (javax.tools.ToolProvider.getSystemJavaCompiler() == null || ws.units().isEmpty()) {
      return NONE;
    }
    List<Attribution.Unit> units = new ArrayList<>();
    Map<CompilationUnit, SourceFile> files = new IdentityHashMap<>();
    for (Workspace.Unit u : ws.units()) {
      units.add(new Attribution.Unit(u.file().path(), u.file().text(), Set.copyOf(names)));
      files.put(u.cu(), u.file());
    }
    List<Path> sourcePath = new ArrayList<>(ws.sourceRoots());
    List<Path> classPath = new ArrayList<>();
    for (Path e : classpath) {
      (isSourceDirectory(e) ? sourcePath : classPath).add(e);
    }
    Attribution attribution = Attribution.of(units, sourcePath, classPath);
    return new Symbols(members(ws, attribution), files);
  }

  /**
   * javac's answers of the shared task (analysed files and template file attributed together): the
   * members references denote and, for every expression of the analysed code, its type and whether
   * it is assignable to each placeholder's declared type ({@code Types.isAssignable}, the
   * template's and the code's types being of the same compiler). A placeholder whose declared type
   * mentions a type variable is not decided here (its variables are bound per match).
   *
   * @param placeholders the parameters of the before templates (JavaParser nodes of the template
   *     file's text)
   */
  public static Symbols of(
      Workspace ws, OneTask task, List<com.github.javaparser.ast.expr.SimpleName> placeholders) {
    if (task == null) {
      return NONE;
    }
    Map<CompilationUnit, SourceFile> files = new IdentityHashMap<>();
    for (Workspace.Unit u : ws.units()) {
      files.put(u.cu(), u.file());
    }
    javax.lang.model.util.Types javacTypes = task.attribution.types();
    // Ids: a placeholder without type variables is a bit of Fit.fits (id >= 0); one with type
    // variables an index into Fit.generic (id -(i + 1)).
    Map<Integer, Integer> ids = new HashMap<>();
    List<TypeMirror> wanted = new ArrayList<>();
    List<TypeMirror> generic = new ArrayList<>();
    for (com.github.javaparser.ast.expr.SimpleName p : placeholders) {
      Range r = p.getRange().orElse(null);
      if (r == null) {
        continue;
      }
      int at = task.template.offset(r.begin.line, r.begin.column);
      TypeMirror declared = declaredType(task, at);
      if (declared == null || ids.containsKey(at)) {
        continue;
      }
      if (decidable(declared)) {
        ids.put(at, wanted.size());
        wanted.add(declared);
      } else if (JavacUnifier.mentionsVariable(declared) && !hasError(declared)) {
        generic.add(declared);
        ids.put(at, -generic.size());
      }
    }
    Map<Path, Map<Long, Fit>> types = new HashMap<>();
    Map<String, Fit> byType = new HashMap<>();
    // The template's own types (of its written types and expressions), printed.
    Map<Long, Fit> templateTypes = new HashMap<>();
    task.types.forEach(
        task.template.path(),
        (span, t) -> {
          if (!hasError(t)) {
            templateTypes.put(
                span, new Fit(TypeFit.print(t.toString()), new BitSet(), null, raw(t)));
          }
        });
    types.put(task.template.path(), templateTypes);
    for (Workspace.Unit u : ws.units()) {
      Path p = u.file().path();
      if (p.equals(task.template.path()) || !task.attribution.covers(p)) {
        continue;
      }
      Map<Long, Fit> spans = new HashMap<>();
      task.types.forEach(
          p,
          (span, t) -> {
            if (hasError(t)) {
              return;
            }
            spans.put(
                span,
                byType.computeIfAbsent(
                    TypeFit.print(t.toString()),
                    k -> {
                      BitSet fits = new BitSet();
                      for (int i = 0; i < wanted.size(); i++) {
                        if (assignable(javacTypes, t, wanted.get(i))) {
                          fits.set(i);
                        }
                      }
                      TypeFit[] g = new TypeFit[generic.size()];
                      for (int i = 0; i < g.length; i++) {
                        g[i] = hasError(t) ? null : JavacUnifier.fit(javacTypes, generic.get(i), t);
                      }
                      return new Fit(k, fits, g, raw(t));
                    }));
          });
      types.put(p, spans);
    }
    return new Symbols(members(ws, task.attribution), files, types, ids, task.template);
  }

  /**
   * The declared type of the template parameter, or the return type of the template method, whose
   * name starts at {@code at} of the template file; null when javac has none.
   */
  private static TypeMirror declaredType(OneTask task, int at) {
    VariableElement v = task.types.parameterAt(task.template.path(), at);
    if (v != null) {
      return v.asType();
    }
    return task.attribution.declaredAt(task.template.path(), at) instanceof ExecutableElement m
        ? m.getReturnType()
        : null;
  }

  private static boolean assignable(
      javax.lang.model.util.Types types, TypeMirror from, TypeMirror to) {
    try {
      return types.isAssignable(from, to);
    } catch (RuntimeException e) {
      return false; // a class javac cannot complete: not known to fit
    }
  }

  /** True if {@code t} is a raw type ({@code Comparable} of a generic class, no arguments). */
  private static boolean raw(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).getTypeArguments().isEmpty()
        && ((DeclaredType) t).asElement() instanceof TypeElement e
        && !e.getTypeParameters().isEmpty();
  }

  /** True if javac's type of the analysed code {@code x} is a raw type; false when unknown. */
  public boolean isRaw(Node x) {
    Fit f = fit(x);
    return f != null && f.raw();
  }

  /** True if {@code t} is or contains a type javac could not resolve. */
  private static boolean hasError(TypeMirror t) {
    return switch (t.getKind()) {
      case ERROR, NONE, PACKAGE, MODULE, OTHER, VOID, EXECUTABLE -> true;
      case ARRAY -> hasError(((javax.lang.model.type.ArrayType) t).getComponentType());
      case DECLARED -> {
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (hasError(a)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /**
   * True if {@code t} is a type javac decided without error and without type variables: then its
   * assignability is a fact of the compiler, independent of any match's bindings.
   */
  private static boolean decidable(TypeMirror t) {
    return switch (t.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> true;
      case ARRAY -> decidable(((javax.lang.model.type.ArrayType) t).getComponentType());
      case DECLARED -> {
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (!decidable(a)) {
            yield false;
          }
        }
        yield true;
      }
      case WILDCARD -> {
        javax.lang.model.type.WildcardType w = (javax.lang.model.type.WildcardType) t;
        yield (w.getExtendsBound() == null || decidable(w.getExtendsBound()))
            && (w.getSuperBound() == null || decidable(w.getSuperBound()));
      }
      default -> false; // type variables, captures, intersections, errors, void, packages
    };
  }

  /**
   * Whether the analysed expression {@code x} fits the before template's placeholder whose name (a
   * parameter's, or a {@code @Placeholder} method's for its return type) is {@code placeholder}, as
   * javac decides with the type it gives {@code x} where it stands, and what the rule's type
   * variables bind to; null when javac has no answer (no tree at that span, or a type javac could
   * not decide).
   */
  public TypeFit fit(Node x, com.github.javaparser.ast.expr.SimpleName placeholder) {
    if (template == null) {
      return null;
    }
    Range r = placeholder.getRange().orElse(null);
    Integer id =
        r == null ? null : placeholderIds.get(template.offset(r.begin.line, r.begin.column));
    Fit f = id == null ? null : fit(x);
    if (f == null) {
      return null;
    }
    if (id >= 0) {
      return f.fits().get(id) ? TypeFit.PLAIN : TypeFit.NO;
    }
    return f.generic()[-id - 1];
  }

  /**
   * The type javac gives the template file's written type or expression {@code n}, printed ({@link
   * TypeFit#print}); or null.
   */
  public String templateTypeOf(Node n) {
    Map<Long, Fit> spans = template == null ? null : types.get(template.path());
    Range r = n.getRange().orElse(null);
    if (spans == null || r == null) {
      return null;
    }
    Fit f =
        spans.get(
            key(
                template.offset(r.begin.line, r.begin.column),
                template.offset(r.end.line, r.end.column) + 1));
    return f == null ? null : f.type();
  }

  /**
   * The type javac gives the analysed expression {@code x}, printed ({@link TypeFit#print}); or
   * null.
   */
  public String typeOf(Node x) {
    Fit f = fit(x);
    return f == null ? null : f.type();
  }

  private Fit fit(Node x) {
    SourceFile file = x.findCompilationUnit().map(files::get).orElse(null);
    Map<Long, Fit> spans = file == null ? null : types.get(file.path());
    Range r = x.getRange().orElse(null);
    if (spans == null || r == null) {
      return null;
    }
    return spans.get(
        key(file.offset(r.begin.line, r.begin.column), file.offset(r.end.line, r.end.column) + 1));
  }

  private static Map<Path, Map<Long, Stored>> members(Workspace ws, Attribution attribution) {
    // javac's answers are kept as strings and javac's trees, symbol tables and file manager are let
    // go: the rest of the run holds every file's JavaParser tree, and both together were most of
    // the peak memory on jackson-databind.
    Map<Path, Map<Long, Stored>> answers = new java.util.HashMap<>();
    Map<Element, Stored> byElement = new IdentityHashMap<>();
    Map<TypeElement, Set<String>> supertypes = new IdentityHashMap<>();
    for (Workspace.Unit u : ws.units()) {
      Path p = u.file().path();
      if (!attribution.covers(p)) {
        continue;
      }
      Map<Long, Stored> spans = new java.util.HashMap<>();
      attribution.forEachBinding(
          p,
          (start, end, b) ->
              spans.put(
                  key(start, end),
                  b.resolved()
                      ? byElement.computeIfAbsent(
                          b.element(), e -> stored(e, attribution, supertypes))
                      : new Stored(null, "", null, b.problem())));
      answers.put(p, spans);
    }
    return answers;
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  private static Stored stored(
      Element e, Attribution attribution, Map<TypeElement, Set<String>> supertypes) {
    Member method = null;
    if (e instanceof ExecutableElement m
        && (m.getKind() == ElementKind.METHOD || m.getKind() == ElementKind.CONSTRUCTOR)) {
      Member plain = member(m, signature(m, attribution), supertypes);
      method =
          new Member(
              plain.owner(),
              plain.name(),
              plain.signature(),
              plain.isStatic(),
              plain.ownerSupertypes(),
              overridden(m, attribution));
    }
    Member field =
        e instanceof VariableElement v
                && (v.getKind() == ElementKind.FIELD || v.getKind() == ElementKind.ENUM_CONSTANT)
            ? member(v, "", supertypes)
            : new Member("", e.getSimpleName().toString(), "", false, Set.of());
    return new Stored(method, e.getKind().toString(), field, null);
  }

  static boolean isSourceDirectory(Path entry) {
    if (!Files.isDirectory(entry)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(entry)) {
      return s.noneMatch(f -> f.toString().endsWith(".class"));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The method a call ({@code a.m(x)}, {@code m(x)}) or method reference ({@code A::m}) denotes;
   * null when javac has no answer for this node.
   */
  public Answer method(Node call) {
    // javac's tree for a call's method is the select 'a.m' (scope to name) or the identifier 'm';
    // for a method reference, the whole reference.
    Stored b;
    if (call instanceof MethodCallExpr c) {
      b = binding(c, c.getScope().map(Node.class::cast).orElse(c.getName()), c.getName());
    } else if (call instanceof MethodReferenceExpr) {
      b = binding(call, call, call);
    } else {
      return null;
    }
    if (b == null) {
      return null;
    }
    if (b.problem() != null) {
      return new Unresolved(b.problem());
    }
    return b.method() != null
        ? b.method()
        : new Unresolved("javac resolves it to a " + b.kind() + ", not a method");
  }

  /**
   * The field a name or field access denotes (a member with an empty owner when it denotes a local
   * variable, parameter or type); null when javac has no answer for this node.
   */
  public Answer field(Node access) {
    if (!(access instanceof NameExpr) && !(access instanceof FieldAccessExpr)) {
      return null;
    }
    Stored b = binding(access, access, access);
    if (b == null) {
      return null;
    }
    // A local variable, parameter or type of that name is resolved too, just not to a field: a
    // member without an owner, which no template's field is.
    return b.problem() != null ? new Unresolved(b.problem()) : b.field();
  }

  /** javac's answer for the tree spanning from {@code first}'s start to {@code last}'s end. */
  private Stored binding(Node at, Node first, Node last) {
    SourceFile file = at.findCompilationUnit().map(files::get).orElse(null);
    Map<Long, Stored> spans = file == null ? null : answers.get(file.path());
    if (spans == null) {
      return null;
    }
    Range from = first.getRange().orElse(null);
    Range to = last.getRange().orElse(null);
    if (from == null || to == null) {
      return null;
    }
    int start = file.offset(from.begin.line, from.begin.column);
    int end = file.offset(to.end.line, to.end.column) + 1;
    return spans.get(key(start, end));
  }

  private static String signature(ExecutableElement m, Attribution attribution) {
    List<String> types = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      types.add(attribution.erasure(p.asType()));
    }
    return "(" + String.join(",", types) + ")";
  }

  /**
   * The methods of the supertypes of {@code m}'s class that {@code m} overrides, as {@code
   * owner#name(erased parameter types)}: same name, and {@code m}'s signature a subsignature of the
   * other's as a member of {@code m}'s class (JLS 8.4.8.1), so generic parameters count as their
   * instantiation there.
   */
  private static Set<String> overridden(ExecutableElement m, Attribution attribution) {
    if (m.getKind() != ElementKind.METHOD
        || m.getModifiers().contains(Modifier.STATIC)
        || !(m.getEnclosingElement() instanceof TypeElement owner)
        || owner.asType().getKind() != TypeKind.DECLARED) {
      return Set.of();
    }
    javax.lang.model.util.Types types = attribution.types();
    DeclaredType in = (DeclaredType) owner.asType();
    Set<String> out = new TreeSet<>();
    for (TypeElement t : properSupertypes(owner)) {
      List<? extends Element> members;
      try {
        members = t.getEnclosedElements();
      } catch (RuntimeException e) {
        continue; // a class javac had not read and can no longer complete: nothing known of it
      }
      for (Element x : members) {
        if (x instanceof ExecutableElement o
            && o.getKind() == ElementKind.METHOD
            && o.getSimpleName().contentEquals(m.getSimpleName())
            && o.getParameters().size() == m.getParameters().size()
            && !o.getModifiers().contains(Modifier.STATIC)
            && !o.getModifiers().contains(Modifier.PRIVATE)
            && overrides(types, in, m, o)) {
          out.add(t.getQualifiedName() + "#" + o.getSimpleName() + signature(o, attribution));
        }
      }
    }
    return out;
  }

  private static boolean overrides(
      javax.lang.model.util.Types types,
      DeclaredType in,
      ExecutableElement m,
      ExecutableElement o) {
    try {
      TypeMirror mine = types.asMemberOf(in, m);
      TypeMirror theirs = types.asMemberOf(in, o);
      return mine instanceof javax.lang.model.type.ExecutableType a
          && theirs instanceof javax.lang.model.type.ExecutableType b
          && types.isSubsignature(a, b);
    } catch (IllegalArgumentException e) {
      return false; // not a member of that type after all
    }
  }

  private static Member member(
      Element e, String signature, Map<TypeElement, Set<String>> supertypes) {
    TypeElement owner = (TypeElement) e.getEnclosingElement();
    return new Member(
        owner.getQualifiedName().toString(),
        e.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : e.getSimpleName().toString(),
        signature,
        e.getModifiers().contains(Modifier.STATIC),
        supertypes.computeIfAbsent(owner, Symbols::supertypes));
  }

  /** Every proper supertype's qualified name, walking superclasses and interfaces. */
  static Set<String> supertypes(TypeElement type) {
    Set<String> out = new TreeSet<>();
    for (TypeElement t : properSupertypes(type)) {
      out.add(t.getQualifiedName().toString());
    }
    return out;
  }

  /** Every proper supertype of {@code type}, superclasses and interfaces, each once. */
  private static Set<TypeElement> properSupertypes(TypeElement type) {
    Set<TypeElement> seen = new LinkedHashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>(List.of(type));
    while (!work.isEmpty()) {
      TypeElement t = work.pop();
      List<TypeMirror> supers = new ArrayList<>(t.getInterfaces());
      supers.add(t.getSuperclass());
      for (TypeMirror s : supers) {
        if (s.getKind() == TypeKind.DECLARED
            && ((DeclaredType) s).asElement() instanceof TypeElement st
            && seen.add(st)) {
          work.push(st);
        }
      }
    }
    return seen;
  }
}
