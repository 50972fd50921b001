package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Resolves every name of a template body once, at load time, into a {@link Ref}, as javac's
 * attribution of the template file resolved it ({@link JavacRefs}).
 *
 * <p>Implementation overview. The body is walked in source order, so a local variable is known
 * before its uses. A parameter is a placeholder and a declared local is a binder. A static call or
 * static field access marks its qualifier as a type (so {@code MmapLock.mmap_read_lock(mm)} records
 * {@code MmapLock} for import handling). Every other name must be one javac resolved to a field,
 * method, constructor or type, or the rule is skipped with the reason: a name javac has no answer
 * for is never guessed. The declarations found are kept (identity-keyed: JavaParser nodes compare
 * structurally, so two occurrences of {@code mm} would collide in a hash map) so that the
 * {@code @IfConfig} conditions of what an after template references can be read from javac's
 * elements while its task is alive.
 */
public final class RefResolver {

  private final TemplateParser parser;
  private final JavacRefs javac;
  private final Map<Node, Object> declarations = new IdentityHashMap<>();

  RefResolver(TemplateParser parser) {
    this.parser = parser;
    this.javac = parser.javacRefs();
  }

  /** Records javac's answer, if any; true when it was recorded. */
  private boolean put(Node n, JavacRefs.Resolved r, Map<Node, Ref> refs) {
    if (r == null) {
      return false;
    }
    refs.put(n, r.ref());
    if (r.element() != null) {
      declarations.put(n, r.element());
    }
    return true;
  }

  public static boolean isRefasterCall(MethodCallExpr mc) {
    return mc.getScope()
        .filter(s -> s.isNameExpr() || s.isFieldAccessExpr())
        .map(s -> s.toString().equals("Refaster") || s.toString().endsWith(".Refaster"))
        .orElse(false);
  }

  public static boolean isRefaster(MethodCallExpr mc, String method) {
    return isRefasterCall(mc) && mc.getNameAsString().equals(method);
  }

  /** A template parameter's declared type, as javac resolved it. */
  Template.Type parameterType(Parameter p) throws TemplateException {
    return resolved(javac.symbols().parameterType(p.getName()), p.getType().toString(), p);
  }

  /** A {@code @Placeholder} method's return type, as javac resolved it. */
  Template.Type returnType(MethodDeclaration m) throws TemplateException {
    return resolved(javac.symbols().returnType(m.getName()), m.getType().toString(), m);
  }

  private Template.Type resolved(TypeMirror t, String written, Node at) throws TemplateException {
    if (t == null || JavacTypes.hasError(t)) {
      throw parser.error(at, "cannot resolve type " + written + " (javac: no such type)" + HINT);
    }
    return JavacTypes.of(t);
  }

  private static final String HINT = "; pass the library that declares it with --classpath";

  /**
   * Why javac could not resolve {@code n}: javac's own error there when it reported one (a member
   * missing from a type it found reads "symbol: method nope(int) location: class Math"), and where
   * the library may help. A missing member may be one another version of the library declares (a
   * Java 21 method on a Java 17 run), so the hint asks for that version.
   */
  private String unresolved(Node n) {
    List<String> errors = javac.symbols().errorsIn(n);
    if (errors.isEmpty()) {
      return " (javac could not resolve it)" + HINT;
    }
    String error = errors.get(0).replaceAll("\\s+", " ");
    boolean member = error.contains("symbol: method") || error.contains("symbol: constructor");
    return " (javac: "
        + error
        + ")"
        + (member ? "; pass the version of its library that declares it with --classpath" : HINT);
  }

  Map<Node, Ref> resolveBody(
      Collection<? extends Node> body,
      Set<String> params,
      Set<String> typeVariables,
      Set<String> placeholderMethods,
      boolean isAfter)
      throws TemplateException {
    Map<Node, Ref> refs = new IdentityHashMap<>();
    Set<String> locals = new HashSet<>();
    Set<Node> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node root : body) {
      for (Node n : root.findAll(Node.class, Node.TreeTraversal.PREORDER)) {
        if (refs.containsKey(n) || done.contains(n)) {
          continue;
        }
        if (n instanceof VariableDeclarator v) {
          locals.add(v.getNameAsString());
        } else if (n instanceof Parameter p) {
          locals.add(p.getNameAsString()); // a lambda's parameter: bound like a local
        } else if (n instanceof MethodReferenceExpr mr) {
          variableQualifier(mr, params, locals, refs, done);
          methodReference(mr, refs);
        } else if (n instanceof NameExpr ne) {
          nameRef(ne, params, locals, refs);
        } else if (n instanceof FieldAccessExpr fa) {
          fieldRef(fa, refs);
        } else if (n instanceof MethodCallExpr mc
            && mc.getScope().isEmpty()
            && placeholderMethods.contains(mc.getNameAsString())) {
          refs.put(mc, new Ref(Ref.Kind.PLACEHOLDER_METHOD, "", mc.getNameAsString(), "", false));
        } else if (n instanceof MethodCallExpr mc) {
          methodRef(mc, refs, isAfter, typeVariables, done);
        } else if (n instanceof ObjectCreationExpr oc) {
          if (!put(oc, javac.creation(oc), refs)) {
            throw parser.error(
                oc, "cannot resolve constructor of " + oc.getType() + unresolved(oc));
          }
        } else if (n instanceof ClassOrInterfaceType ct) {
          if (typeVariables.contains(ct.getNameAsString()) && ct.getScope().isEmpty()) {
            refs.put(ct, new Ref(Ref.Kind.TYPE_VARIABLE, ct.getNameAsString(), "", "", false));
          } else if (javac.symbols().at(ct, ct.getName()) instanceof PackageElement) {
            done.add(ct); // the package part of a qualified type name
          } else if (!put(ct, javac.type(ct), refs)) {
            throw parser.error(ct, "cannot resolve type " + ct + unresolved(ct));
          }
        }
      }
    }
    return refs;
  }

  private void nameRef(NameExpr ne, Set<String> params, Set<String> locals, Map<Node, Ref> refs)
      throws TemplateException {
    String name = ne.getNameAsString();
    if (locals.contains(name)) {
      refs.put(ne, new Ref(Ref.Kind.LOCAL, "", name, "", false));
      return;
    }
    if (params.contains(name)) {
      refs.put(ne, new Ref(Ref.Kind.PLACEHOLDER, "", name, "", false));
      return;
    }
    if (put(ne, javac.name(ne), refs) || typeOrPackage(ne, refs)) {
      return;
    }
    Element e = javac.symbols().at(ne);
    if (e == null) {
      throw parser.error(ne, "cannot resolve '" + name + "'" + unresolved(ne));
    }
    throw parser.error(
        ne, "'" + name + "' is neither a parameter, a local variable nor a static field");
  }

  /**
   * A name javac resolved to a type (the qualifier of a static member, which {@link #markQualifier}
   * marks when it reaches it first) or to a package (part of a qualified name).
   */
  private boolean typeOrPackage(Expression x, Map<Node, Ref> refs) {
    Element e = javac.symbols().at(x);
    if (e instanceof TypeElement t) {
      refs.put(x, new Ref(Ref.Kind.TYPE, t.getQualifiedName().toString(), "", "", true));
      return true;
    }
    return e instanceof PackageElement;
  }

  private void fieldRef(FieldAccessExpr fa, Map<Node, Ref> refs) throws TemplateException {
    if (javacField(fa, refs) || typeOrPackage(fa, refs)) {
      return;
    }
    Element e = javac.symbols().at(fa);
    if (e instanceof VariableElement v
        && v.getKind() != ElementKind.FIELD
        && v.getKind() != ElementKind.ENUM_CONSTANT) {
      throw parser.error(fa, "'" + fa + "' is not a field");
    }
    throw parser.error(fa, "cannot resolve '" + fa + "'" + unresolved(fa));
  }

  private boolean javacField(FieldAccessExpr fa, Map<Node, Ref> refs) {
    JavacRefs.Resolved r = javac.fieldAccess(fa);
    if (!put(fa, r, refs)) {
      return false;
    }
    if (r.ref().isStatic()) {
      markQualifier(fa.getScope(), r.ref().owner(), refs);
    }
    return true;
  }

  /**
   * A method reference whose qualifier is a template parameter or local ({@code map::get}): the
   * name is a variable (JLS 6.5.2: a variable in scope makes it an expression name), though
   * JavaParser reads it as a type. The qualifier is recorded as that placeholder or local.
   */
  private static void variableQualifier(
      MethodReferenceExpr mr,
      Set<String> params,
      Set<String> locals,
      Map<Node, Ref> refs,
      Set<Node> done) {
    if (!(mr.getScope() instanceof TypeExpr te)
        || !(te.getType() instanceof ClassOrInterfaceType ct)
        || ct.getScope().isPresent()
        || ct.getTypeArguments().isPresent()) {
      return;
    }
    String name = ct.getNameAsString();
    if (locals.contains(name)) {
      refs.put(te, new Ref(Ref.Kind.LOCAL, "", name, "", false));
    } else if (params.contains(name)) {
      refs.put(te, new Ref(Ref.Kind.PLACEHOLDER, "", name, "", false));
    } else {
      return;
    }
    done.add(ct);
  }

  private void methodRef(
      MethodCallExpr mc,
      Map<Node, Ref> refs,
      boolean isAfter,
      Set<String> typeVariables,
      Set<Node> done)
      throws TemplateException {
    if (isRefaster(mc, "anyOf")) {
      if (isAfter) {
        throw parser.error(mc, "Refaster.anyOf is only meaningful in a @" + TemplateParser.BEFORE);
      }
      refs.put(mc, new Ref(Ref.Kind.ANY_OF, "", "anyOf", "", true));
      refs.put(mc.getScope().get(), new Ref(Ref.Kind.ANY_OF, "", "Refaster", "", true));
      return;
    }
    if (isRefaster(mc, "clazz") || isRefaster(mc, "isInstance")) {
      classOf(mc, refs, typeVariables, done);
      return;
    }
    if (isRefasterCall(mc)) {
      throw parser.error(mc, "Refaster." + mc.getNameAsString() + " is not supported");
    }
    if (!javacCall(mc, refs)) {
      throw parser.error(mc, "cannot resolve call " + mc + unresolved(mc));
    }
  }

  /**
   * {@code Refaster.<T>clazz()} and {@code Refaster.<T>isInstance(e)}, as Picnic writes them: the
   * type argument is a type variable of the rule, which the code's class literal or {@code
   * instanceof} type binds ({@code e} is a placeholder or a template local).
   */
  private void classOf(
      MethodCallExpr mc, Map<Node, Ref> refs, Set<String> typeVariables, Set<Node> done)
      throws TemplateException {
    String name = mc.getNameAsString();
    boolean isInstance = name.equals("isInstance");
    var args = mc.getTypeArguments().orElse(null);
    if (args == null
        || args.size() != 1
        || !(args.get(0) instanceof ClassOrInterfaceType ct)
        || ct.getScope().isPresent()
        || ct.getTypeArguments().isPresent()
        || !typeVariables.contains(ct.getNameAsString())
        || mc.getArguments().size() != (isInstance ? 1 : 0)
        || (isInstance && !(mc.getArgument(0) instanceof NameExpr))) {
      throw parser.error(
          mc,
          "Refaster."
              + name
              + " is supported as Refaster.<T>"
              + (isInstance ? "isInstance(x), x a parameter or local" : "clazz()")
              + ", T a type variable of the template");
    }
    refs.put(
        mc,
        new Ref(
            isInstance ? Ref.Kind.INSTANCE_OF : Ref.Kind.CLASS_OF,
            "",
            ct.getNameAsString(),
            "",
            true));
    done.add(mc.getScope().orElseThrow()); // 'Refaster' is no type the rewritten code names
  }

  private boolean javacCall(MethodCallExpr mc, Map<Node, Ref> refs) throws TemplateException {
    JavacRefs.Resolved r = javac.call(mc);
    if (r == null) {
      return false;
    }
    if (mc.getScope().isEmpty() && !r.ref().isStatic()) {
      throw parser.error(
          mc, "call " + mc + " has no receiver: name the receiver with a template parameter");
    }
    put(mc, r, refs);
    if (r.ref().isStatic() && mc.getScope().isPresent()) {
      markQualifier(mc.getScope().get(), r.ref().owner(), refs);
    }
    return true;
  }

  /**
   * A method reference names its method like a call does: resolved to the declaration (so an
   * overload is told apart by the functional type the template gives it), recorded as a method.
   */
  private void methodReference(MethodReferenceExpr mr, Map<Node, Ref> refs)
      throws TemplateException {
    if (!put(mr, javac.methodReference(mr), refs)) {
      throw parser.error(mr, "cannot resolve method reference " + mr + unresolved(mr));
    }
  }

  /**
   * Refuses an after template that references what the rewritten code cannot reach ({@link
   * AfterReferences#checkReachable}).
   */
  void checkReachable(Map<Node, Ref> refs, Set<String> templateTypes) throws TemplateException {
    new AfterReferences(parser, declarations).checkReachable(refs, templateTypes);
  }

  /** The gated declarations an after template references ({@link AfterReferences}). */
  List<Template.Requirement> requirements(Map<Node, Ref> refs) throws TemplateException {
    return new AfterReferences(parser, declarations).requirements(refs);
  }

  /** A static member's qualifier, if written as a type name, is a type reference. */
  private void markQualifier(Expression scope, String owner, Map<Node, Ref> refs) {
    String simple = owner.substring(owner.lastIndexOf('.') + 1);
    if (scope instanceof NameExpr ne && ne.getNameAsString().equals(simple)) {
      refs.put(ne, new Ref(Ref.Kind.TYPE, owner, "", "", true));
    } else if (scope instanceof FieldAccessExpr fa && fa.toString().equals(owner)) {
      refs.put(fa, new Ref(Ref.Kind.TYPE, owner, "", "", true));
    } else if (scope instanceof FieldAccessExpr fa
        && fa.getNameAsString().equals(simple)
        && owner.endsWith("." + fa.toString())) {
      // A nested type written from its outer type (CommandLine.Help.Ansi.OFF): each qualifier
      // is the enclosing type, down to the outermost, which is imported like any other type.
      refs.put(fa, new Ref(Ref.Kind.TYPE, owner, "", "", true));
      markQualifier(fa.getScope(), owner.substring(0, owner.lastIndexOf('.')), refs);
    }
  }
}
