package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.plan.ElementRef;
import dev.lockkit.refactor.move.plan.MoveOp;
import dev.lockkit.refactor.move.plan.PlanException;
import dev.lockkit.refactor.move.plan.PlanParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Resolves plan lines to declarations by javac's answers, or explains precisely why not: no such
 * type (with the nearest names of the project's types) or member (with the nearest member names), a
 * library type (the element's or the destination's), several overloads and no parameter list (with
 * the candidates), an instance member, a package given as a member's destination, a destination
 * file that does not parse. The types a line names are javac's ({@code Elements} by canonical name,
 * in the task that attributed the origin); the project gives the JavaParser declaration in the file
 * javac read the type from, which the edits need.
 */
public final class ElementResolver {

  private final JavaProject project;
  private final Attribution javac;

  /**
   * A resolver that asks {@code javac} — the attribution of the what-if's first javac task, which
   * covers the files of the plan lines' types — what a plan line names: the types by their
   * canonical names (javac's {@code Elements}, so a library type is told from a type that does not
   * exist), an overload by the parameter types javac gives the declarations (generics erased or
   * not, arrays, varargs, nested types by any qualified suffix of their canonical name, type
   * variables by name or erasure). The project is where a type's file is, and the names offered
   * when there is no such type.
   */
  public ElementResolver(JavaProject project, Attribution javac) {
    this.project = java.util.Objects.requireNonNull(project);
    this.javac = java.util.Objects.requireNonNull(javac);
  }

  /** Resolves one plan operation on a static member. */
  public MovedElement resolve(MoveOp op) throws PlanException {
    ElementRef ref = op.element();
    TypeInfo origin = type(op, ref.type());
    if (!ref.isMember()) {
      throw PlanException.at(op, ref.type() + " is a type: use resolveType");
    }
    BodyDeclaration<?> decl = member(op, origin, ref);
    if (!((com.github.javaparser.ast.nodeTypes.NodeWithModifiers<?>) decl)
            .hasModifier(Modifier.Keyword.STATIC)
        && !isInterface(origin)) {
      throw PlanException.at(
          op,
          ref + " is an instance member; only static members can be moved (make it static first)");
    }
    if (decl instanceof FieldDeclaration f && f.getVariables().size() > 1) {
      throw PlanException.at(
          op,
          ref
              + " is declared together with "
              + fieldNames(f)
              + "; split the declaration into one field per line first");
    }
    return new MovedElement(op, origin, decl, ref.member(), destination(op, origin));
  }

  /**
   * The project's type a plan line names, as javac finds it by its canonical name: the type in the
   * file javac read it from. A plan error when javac has no such type (with the nearest names of
   * the project's types), when javac read it from a class file (a library type: the class path or
   * the JDK), or when its file is not one JavaParser parsed (it is outside the given paths, or does
   * not parse), since the edits need its declaration.
   */
  private TypeInfo type(MoveOp op, String name) throws PlanException {
    TypeElement t = javac.typeNamed(name);
    if (t == null) {
      throw PlanException.at(
          op,
          "no type "
              + name
              + " in the given paths"
              + nearest(name, project.types().stream().map(TypeInfo::fqn).toList()));
    }
    return declared(op, t, "");
  }

  /**
   * The project's declaration of a type javac found, from the file javac read it from; {@code role}
   * prefixes the messages ("destination ").
   */
  private TypeInfo declared(MoveOp op, TypeElement t, String role) throws PlanException {
    String name = t.getQualifiedName().toString();
    Path file = javac.sourceFileOf(t);
    if (file == null) {
      throw PlanException.at(op, role + name + " is a library type, not in the given paths");
    }
    ParsedFile f = project.file(file);
    if (f == null) {
      throw PlanException.at(
          op, role + name + " is declared in " + file + ", outside the given paths");
    }
    if (!f.parsed()) {
      throw PlanException.at(
          op,
          (role.isEmpty()
                  ? "the file of " + name + ", " + f.display() + ","
                  : role + "file " + f.display())
              + " does not parse: "
              + f.parseError());
    }
    for (TypeDeclaration<?> d : f.cu().findAll(TypeDeclaration.class)) {
      TypeInfo info = project.typeOf(d);
      if (info != null && info.fqn().equals(name)) {
        return info;
      }
    }
    throw PlanException.at(
        op, role + name + " is not declared in " + f.display() + " as javac reads it");
  }

  /** The project's type javac finds by {@code name}, null when javac finds none. */
  private TypeInfo typeOrNull(MoveOp op, String name, String role) throws PlanException {
    TypeElement t = javac.typeNamed(name);
    return t == null ? null : declared(op, t, role);
  }

  /** True if the plan line names a whole type (no {@code #member}). */
  public static boolean isTypeMove(MoveOp op) {
    return !op.element().isMember();
  }

  /** Resolves one plan operation that moves a whole top-level type to a package. */
  public MovedType resolveType(MoveOp op) throws PlanException {
    String name = op.element().type();
    TypeInfo t = type(op, name);
    if (t.outer() != null) {
      nestedMovable(op, t);
    } else if (t.file().cu().getTypes().size() != 1) {
      throw PlanException.at(
          op,
          t.file().display()
              + " declares several top-level types; move "
              + name
              + " into a file of its own first");
    }
    String dest = op.destination();
    TypeInfo host = typeOrNull(op, dest, "destination ");
    if (host != null) {
      return intoType(op, t, host);
    }
    if (t.outer() == null && dest.equals(t.packageName())) {
      throw PlanException.at(op, name + " is already in package " + dest);
    }
    for (String part : dest.split("\\.")) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        throw PlanException.at(op, "destination " + dest + " is not a package name");
      }
    }
    String fqn = dest + "." + t.simpleName();
    if (javac.typeNamed(fqn) != null) {
      throw PlanException.at(op, "package " + dest + " already has a type named " + t.simpleName());
    }
    Path file = t.file().root();
    for (String part : dest.split("\\.")) {
      file = file.resolve(part);
    }
    file = file.resolve(t.simpleName() + ".java").toAbsolutePath().normalize();
    ParsedFile there = project.file(file);
    if (there != null) {
      throw PlanException.at(
          op,
          "destination file "
              + there.display()
              + (there.parsed() ? " exists" : " exists and does not parse: " + there.parseError()));
    }
    if (java.nio.file.Files.exists(file)) {
      throw PlanException.at(op, "destination file " + file + " exists");
    }
    return new MovedType(op, t, dest, file);
  }

  /**
   * A type (top-level, or static and nested at any depth) moving into an existing top-level type of
   * another file, which becomes its enclosing type. A member type already named like it is a {@code
   * move/name-clash} conflict found later, on the whole plan, not a plan error.
   */
  private MovedType intoType(MoveOp op, TypeInfo t, TypeInfo host) throws PlanException {
    if (host.topLevel().equals(t.topLevel())) {
      throw PlanException.at(
          op,
          t.outer() == null
              ? "cannot move " + t.fqn() + " into itself (" + host.fqn() + ")"
              : "cannot move "
                  + t.fqn()
                  + " into "
                  + host.fqn()
                  + ", in the same top-level type; only a move into another top-level type is"
                  + " supported");
    }
    if (host.outer() != null) {
      throw PlanException.at(
          op,
          "destination "
              + host.fqn()
              + " is a nested type; only top-level types can receive a type yet");
    }
    if (host.file().cu().getTypes().size() != 1) {
      throw PlanException.at(
          op,
          host.file().display()
              + " declares several top-level types; move the others out of it first");
    }
    return new MovedType(
        op, t, host.packageName(), host.file().source().path().toAbsolutePath(), host);
  }

  /**
   * A nested type can leave its enclosing types only if it does not need an enclosing instance. At
   * any depth: what the moved text saw through its enclosing types is qualified where lockkit's
   * lookup finds it, and javac's check of the result ({@code move/compile}) refuses what it misses.
   */
  private static void nestedMovable(MoveOp op, TypeInfo t) throws PlanException {
    boolean implicitlyStatic =
        !t.decl().isClassOrInterfaceDeclaration() || isInterface(t) || isInterface(t.outer());
    if (!implicitlyStatic && !t.decl().isStatic()) {
      throw PlanException.at(
          op,
          t.fqn()
              + " is an inner (non-static) class: it captures the enclosing "
              + t.outer().simpleName()
              + " instance, so it cannot be top-level; make it static first");
    }
  }

  private static boolean isInterface(TypeInfo t) {
    return t.decl().isClassOrInterfaceDeclaration()
        && t.decl().asClassOrInterfaceDeclaration().isInterface();
  }

  private BodyDeclaration<?> member(MoveOp op, TypeInfo origin, ElementRef ref)
      throws PlanException {
    List<MethodDeclaration> methods = new ArrayList<>();
    List<BodyDeclaration<?>> others = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (BodyDeclaration<?> b : origin.decl().getMembers()) {
      if (b instanceof MethodDeclaration m) {
        names.add(m.getNameAsString());
        if (m.getNameAsString().equals(ref.member())) {
          methods.add(m);
        }
      } else if (b instanceof FieldDeclaration f) {
        names.addAll(fieldNames(f));
        if (fieldNames(f).contains(ref.member())) {
          others.add(f);
        }
      } else if (b instanceof TypeDeclaration<?> t) {
        names.add(t.getNameAsString());
        if (t.getNameAsString().equals(ref.member())) {
          throw PlanException.at(
              op, ref + " is a nested type; moving nested types is not supported yet");
        }
      }
    }
    if (!others.isEmpty()) {
      if (ref.params() != null) {
        throw PlanException.at(op, ref.type() + "#" + ref.member() + " is a field, not a method");
      }
      return others.get(0);
    }
    if (methods.isEmpty()) {
      throw PlanException.at(
          op, origin.fqn() + " has no member named " + ref.member() + nearest(ref.member(), names));
    }
    List<MethodDeclaration> matching = new ArrayList<>();
    for (MethodDeclaration m : methods) {
      if (ref.params() == null || paramsMatch(op, origin, m, ref.params())) {
        matching.add(m);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    List<String> candidates =
        methods.stream()
            .sorted(Comparator.comparing(MovedElement::signature))
            .map(m -> origin.fqn() + "#" + MovedElement.signature(m))
            .toList();
    throw PlanException.at(
        op,
        (matching.isEmpty() ? "no overload of " : "several overloads match ")
            + ref
            + "; give the parameter list of one of: "
            + String.join(", ", candidates));
  }

  private boolean paramsMatch(MoveOp op, TypeInfo origin, MethodDeclaration m, List<String> wanted)
      throws PlanException {
    if (m.getParameters().size() != wanted.size()) {
      return false;
    }
    ParsedFile f = origin.file();
    Element e = javac.declaredAt(f.source().path(), f.begin(m.getName()));
    if (!(e instanceof ExecutableElement ee) || ee.getParameters().size() != wanted.size()) {
      throw PlanException.at(
          op,
          "javac did not attribute the declaration of "
              + origin.fqn()
              + "#"
              + MovedElement.signature(m)
              + ", so its parameter types are not known");
    }
    for (int i = 0; i < wanted.size(); i++) {
      // A type javac could not resolve (a library missing from the class path) is javac's error
      // type, which prints as written.
      TypeMirror type = ee.getParameters().get(i).asType();
      String want = wanted.get(i);
      String declared = PlanParser.normalizeType(type.toString());
      String erased = PlanParser.normalizeType(javac.erasure(type));
      if (!names(declared, want) && !names(erased, want)) {
        return false;
      }
    }
    return true;
  }

  /** True if the written {@code want} names {@code full}: all of it, or a suffix after a dot. */
  private static boolean names(String full, String want) {
    return full.equals(want) || full.endsWith("." + want);
  }

  private Destination destination(MoveOp op, TypeInfo origin) throws PlanException {
    String dest = op.destination();
    TypeInfo existing = typeOrNull(op, dest, "destination ");
    if (existing != null) {
      if (existing.equals(origin)) {
        throw PlanException.at(op, "destination " + dest + " is where the element already is");
      }
      return new Destination(dest, existing, null);
    }
    if (project.hasPackage(dest)) {
      throw PlanException.at(
          op,
          dest
              + " is a package; a member must move to a type (e.g. "
              + dest
              + "."
              + origin.simpleName()
              + ")");
    }
    int dot = dest.lastIndexOf('.');
    String pkg = dot < 0 ? "" : dest.substring(0, dot);
    String simple = dest.substring(dot + 1);
    if (!Character.isJavaIdentifierStart(simple.charAt(0))
        || Character.isLowerCase(simple.charAt(0))) {
      throw PlanException.at(
          op, "destination " + dest + " does not exist and does not look like pkg.ClassName");
    }
    if (!pkg.isEmpty() && javac.typeNamed(pkg) != null) {
      throw PlanException.at(
          op,
          "destination " + dest + " would be a new nested type of " + pkg + "; create it first");
    }
    Path file = origin.file().root();
    for (String part : pkg.isEmpty() ? new String[0] : pkg.split("\\.")) {
      file = file.resolve(part);
    }
    file = file.resolve(simple + ".java").toAbsolutePath().normalize();
    ParsedFile there = project.file(file);
    if (there != null && !there.parsed()) {
      throw PlanException.at(
          op, "destination file " + there.display() + " does not parse: " + there.parseError());
    }
    if (there != null) {
      throw PlanException.at(
          op, "destination file " + there.display() + " exists but does not declare " + dest);
    }
    return new Destination(dest, null, file);
  }

  /** "; nearest: a, b, c" by edit distance, or "" when nothing is close. */
  static String nearest(String wanted, Iterable<String> names) {
    List<String[]> scored = new ArrayList<>();
    String w = wanted.toLowerCase();
    for (String n : names) {
      String tail = n.substring(n.lastIndexOf('.') + 1).toLowerCase();
      int d =
          Math.min(
              distance(w, n.toLowerCase()), distance(w.substring(w.lastIndexOf('.') + 1), tail));
      if (d <= Math.max(2, wanted.length() / 3)) {
        scored.add(new String[] {String.format("%04d", d), n});
      }
    }
    scored.sort(Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]));
    if (scored.isEmpty()) {
      return "";
    }
    return "; nearest: " + String.join(", ", scored.stream().limit(5).map(a -> a[1]).toList());
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The names of the variables a field declaration declares. */
  private static List<String> fieldNames(FieldDeclaration f) {
    return f.getVariables().stream()
        .map(com.github.javaparser.ast.body.VariableDeclarator::getNameAsString)
        .toList();
  }
}
