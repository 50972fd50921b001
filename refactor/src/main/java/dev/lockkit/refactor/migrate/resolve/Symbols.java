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
      String owner, String name, String signature, boolean isStatic, Set<String> ownerSupertypes)
      implements Answer {}

  /** javac could not resolve the reference, or reports an error inside it. */
  public record Unresolved(String problem) implements Answer {}

  private static final Symbols NONE = new Symbols(null, Map.of());

  private final Attribution attribution;
  private final Map<CompilationUnit, SourceFile> files;

  private Symbols(Attribution attribution, Map<CompilationUnit, SourceFile> files) {
    this.attribution = attribution;
    this.files = files;
  }

  /** No javac answers: every caller uses the symbol solver. */
  public static Symbols none() {
    return NONE;
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
    return new Symbols(Attribution.of(units, sourcePath, classPath), files);
  }

  private static boolean isSourceDirectory(Path entry) {
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
    Binding b;
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
    if (b.problem != null) {
      return new Unresolved(b.problem);
    }
    return b.element instanceof ExecutableElement m
            && (m.getKind() == ElementKind.METHOD || m.getKind() == ElementKind.CONSTRUCTOR)
        ? member(m, signature(m))
        : new Unresolved("javac resolves it to a " + b.element.getKind() + ", not a method");
  }

  /**
   * The field a name or field access denotes (a member with an empty owner when it denotes a local
   * variable, parameter or type); null when javac has no answer for this node.
   */
  public Answer field(Node access) {
    if (!(access instanceof NameExpr) && !(access instanceof FieldAccessExpr)) {
      return null;
    }
    Binding b = binding(access, access, access);
    if (b == null) {
      return null;
    }
    if (b.problem != null) {
      return new Unresolved(b.problem);
    }
    // A local variable, parameter or type of that name is resolved too, just not to a field: a
    // member without an owner, which no template's field is.
    return b.element instanceof VariableElement v
            && (v.getKind() == ElementKind.FIELD || v.getKind() == ElementKind.ENUM_CONSTANT)
        ? member(v, "")
        : new Member("", b.element.getSimpleName().toString(), "", false, Set.of());
  }

  private record Binding(Element element, String problem) {}

  /** javac's binding of the tree spanning from {@code first}'s start to {@code last}'s end. */
  private Binding binding(Node at, Node first, Node last) {
    if (attribution == null) {
      return null;
    }
    SourceFile file = at.findCompilationUnit().map(files::get).orElse(null);
    if (file == null || !attribution.covers(file.path())) {
      return null;
    }
    Range from = first.getRange().orElse(null);
    Range to = last.getRange().orElse(null);
    if (from == null || to == null) {
      return null;
    }
    int start = file.offset(from.begin.line, from.begin.column);
    int end = file.offset(to.end.line, to.end.column) + 1;
    Attribution.Binding b = attribution.at(file.path(), start, end);
    if (b == null) {
      return null;
    }
    return new Binding(b.element(), b.resolved() ? null : b.problem());
  }

  private Member member(Element e, String signature) {
    TypeElement owner = (TypeElement) e.getEnclosingElement();
    return new Member(
        owner.getQualifiedName().toString(),
        e.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : e.getSimpleName().toString(),
        signature,
        e.getModifiers().contains(Modifier.STATIC),
        supertypes(owner));
  }

  private String signature(ExecutableElement m) {
    List<String> types = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      types.add(attribution.erasure(p.asType()));
    }
    return "(" + String.join(",", types) + ")";
  }

  /** Every proper supertype's qualified name, walking superclasses and interfaces. */
  private static Set<String> supertypes(TypeElement type) {
    Set<String> out = new TreeSet<>();
    Deque<TypeElement> work = new ArrayDeque<>(List.of(type));
    Set<TypeElement> seen = new LinkedHashSet<>();
    while (!work.isEmpty()) {
      TypeElement t = work.pop();
      if (!seen.add(t)) {
        continue;
      }
      List<TypeMirror> supers = new ArrayList<>(t.getInterfaces());
      supers.add(t.getSuperclass());
      for (TypeMirror s : supers) {
        if (s.getKind() == TypeKind.DECLARED
            && ((DeclaredType) s).asElement() instanceof TypeElement st) {
          out.add(st.getQualifiedName().toString());
          work.push(st);
        }
      }
    }
    return out;
  }
}
