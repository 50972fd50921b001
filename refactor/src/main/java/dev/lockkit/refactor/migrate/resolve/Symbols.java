package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.Range;
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
import java.util.Deque;
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
 * #field} answer null where javac has no tree at that span (a body javac did not attribute, a file
 * javac did not read): the caller reports such a node as unresolved, never guesses it.
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

  private static final Symbols NONE = new Symbols(Map.of());

  /**
   * javac's answer for one span, in lockkit's own terms: as a method ({@code method} null when the
   * element is none) and as a field (or a member without an owner for a local, parameter or type),
   * or the problem that makes it unresolved.
   */
  private record Stored(Member method, String kind, Member field, String problem) {}

  /** Per attributed file, its spans' answers (key: start in the high half, end in the low). */
  private final Map<Path, Map<Long, Stored>> answers;

  /** javac's types of the analysed code and their fits for the placeholders (null: none). */
  private final CodeTypes codeTypes;

  private Symbols(Map<Path, Map<Long, Stored>> answers) {
    this(answers, null);
  }

  private Symbols(Map<Path, Map<Long, Stored>> answers, CodeTypes codeTypes) {
    this.answers = answers;
    this.codeTypes = codeTypes;
  }

  /**
   * javac's answers of the shared task (analysed files and template file attributed together): the
   * members references denote and the types of the analysed code with their fits for the
   * placeholders ({@link CodeTypes}).
   *
   * @param placeholders the names of the before templates' parameters and {@code @Placeholder}
   *     methods (JavaParser nodes of the template file's text)
   */
  public static Symbols of(
      Workspace ws, OneTask task, List<com.github.javaparser.ast.expr.SimpleName> placeholders) {
    if (task == null) {
      return NONE;
    }
    return new Symbols(members(ws, task.attribution), CodeTypes.of(ws, task, placeholders));
  }

  /**
   * Lets go of javac's answers for one analysed file once its work is done (the migration goes file
   * by file; nothing asks about a file after its turn).
   */
  public void release(Path file) {
    if (this == NONE) {
      return;
    }
    answers.remove(file);
    if (codeTypes != null) {
      codeTypes.release(file);
    }
  }

  /** See {@link CodeTypes#fit}; null when javac has no answer. */
  public TypeFit fit(Node x, com.github.javaparser.ast.expr.SimpleName placeholder) {
    return codeTypes == null ? null : codeTypes.fit(x, placeholder);
  }

  /** See {@link CodeTypes#typeOf}; null when javac has no answer. */
  public String typeOf(Node x) {
    return codeTypes == null ? null : codeTypes.typeOf(x);
  }

  /** See {@link CodeTypes#templateTypeOf}; null when javac has no answer. */
  public String templateTypeOf(Node n) {
    return codeTypes == null ? null : codeTypes.templateTypeOf(n);
  }

  /** See {@link CodeTypes#isRaw}; false when javac has no answer. */
  public boolean isRaw(Node x) {
    return codeTypes != null && codeTypes.isRaw(x);
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
    if (javax.tools.ToolProvider.getSystemJavaCompiler() == null || ws.files().isEmpty()) {
      return NONE;
    }
    List<Attribution.Unit> units = new ArrayList<>();
    for (Workspace.Source u : ws.files()) {
      units.add(new Attribution.Unit(u.file().path(), u.file().text(), Set.copyOf(names)));
    }
    List<Path> sourcePath = new ArrayList<>(ws.sourceRoots());
    List<Path> classPath = new ArrayList<>();
    for (Path e : classpath) {
      (isSourceDirectory(e) ? sourcePath : classPath).add(e);
    }
    Attribution attribution = Attribution.of(units, sourcePath, classPath);
    return new Symbols(members(ws, attribution));
  }

  private static Map<Path, Map<Long, Stored>> members(Workspace ws, Attribution attribution) {
    // javac's answers are kept as strings and javac's trees, symbol tables and file manager are let
    // go before any file is parsed with JavaParser for its turn.
    Map<Path, Map<Long, Stored>> answers = new java.util.HashMap<>();
    Map<Element, Stored> byElement = new IdentityHashMap<>();
    Map<TypeElement, Set<String>> supertypes = new IdentityHashMap<>();
    for (Workspace.Source u : ws.files()) {
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
                      : new Stored(
                          null,
                          b.element() == null ? "" : b.element().getKind().name(),
                          null,
                          b.problem())));
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
    return executable(b, "a method");
  }

  /**
   * The constructor {@code new T(..)} calls (javac's tree is the whole creation); null when javac
   * has no answer for this node.
   */
  public Answer constructor(com.github.javaparser.ast.expr.ObjectCreationExpr creation) {
    return executable(binding(creation, creation, creation), "a constructor");
  }

  /** A stored binding as a method or constructor: null (no answer), the member, or why not. */
  private static Answer executable(Stored b, String what) {
    if (b == null) {
      return null;
    }
    if (b.problem() != null) {
      return new Unresolved(b.problem());
    }
    return b.method() != null
        ? b.method()
        : new Unresolved("javac resolves it to a " + b.kind() + ", not " + what);
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

  /**
   * The kind of element javac bound a name or field access to ({@code ElementKind}'s name: {@code
   * FIELD}, {@code PARAMETER}, {@code LOCAL_VARIABLE}, {@code CLASS}...), also when the name's use
   * did not resolve but javac knew what it named (a field whose type is missing from the class
   * path); null when javac has no answer or bound the name to nothing.
   */
  public String kind(Node access) {
    Stored b = binding(access, access, access);
    return b == null || b.kind() == null || b.kind().isEmpty() ? null : b.kind();
  }

  /** The class of a type javac printed, its type arguments dropped ({@code java.util.List}). */
  public static String className(String printedType) {
    int lt = printedType.indexOf('<');
    return lt < 0 ? printedType : printedType.substring(0, lt);
  }

  /** True for a printed type that is a class or interface type (not primitive, array or null). */
  public static boolean isClassType(String printedType) {
    return printedType != null
        && !printedType.endsWith("]")
        && !PRIMITIVES.contains(printedType)
        && !printedType.equals("<nulltype>")
        && !printedType.equals("null");
  }

  /** True for a printed primitive type. */
  public static boolean isPrimitive(String printedType) {
    return printedType != null && PRIMITIVES.contains(printedType);
  }

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  /** javac's answer for the tree spanning from {@code first}'s start to {@code last}'s end. */
  private Stored binding(Node at, Node first, Node last) {
    SourceFile file = Workspace.sourceOf(at);
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
