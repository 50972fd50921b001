package dev.lockkit.refactor.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac's attribution of some compilation units: for each name, member select, method reference and
 * declaration in them, the element the compiler bound it to.
 *
 * <p>Only the given units are attributed as a whole; the rest of the project is on javac's source
 * path, so javac reads from it only the types the units need (and attributes those files too, as it
 * does for implicitly compiled sources). The units' text is given in memory, so their offsets are
 * offsets into exactly that text.
 *
 * <p>A reference counts as resolved only when javac resolved it without error: an element that is
 * erroneous, a compiler error inside the reference's span, or (for a call) an argument whose type
 * javac could not determine — with an unknown argument type javac's overload resolution picks
 * silently, which is a guess, not an answer — all make it unresolved, and the caller must say so
 * instead of relying on it.
 */
public final class Attribution {

  /**
   * A compilation unit given in memory: the file it stands for and its text.
   *
   * @param keep null to attribute the whole unit; else only the method bodies that spell one of
   *     these names are attributed (the others are blanked, offsets kept): a reference to a moved
   *     element must spell its name
   */
  public record Unit(Path path, String text, java.util.Set<String> keep) {
    public Unit(Path path, String text) {
      this(path, text, null);
    }
  }

  /** What javac bound an expression or declaration to, or why it could not. */
  public record Binding(Element element, boolean viaEnclosingScope, String problem) {
    public boolean resolved() {
      return problem == null;
    }
  }

  private final Map<Path, Map<Long, Binding>> spans = new HashMap<>();
  private final Map<Path, Map<Integer, Element>> declarations = new HashMap<>();
  private final Map<Path, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
  private final Map<Path, Map<Long, Boolean>> typeQualifiers = new HashMap<>();
  private final Map<Path, Map<Long, Element>> links = new HashMap<>();

  private Types types;
  private javax.lang.model.util.Elements elements;

  /** The task's trees (null when no javac task ran): a source declaration's tree. */
  private Trees trees;

  private Attribution() {}

  /**
   * Parses and attributes {@code units} with javac.
   *
   * @param sourcePath the project's source roots (other files are read from there on demand)
   * @param classPath what the sources depend on; the JDK's own modules are always there
   */
  public static Attribution of(List<Unit> units, List<Path> sourcePath, List<Path> classPath) {
    try (Session s = new Session(sourcePath, classPath)) {
      return of(s, units);
    }
  }

  /** As {@link #of(List, List, List)}, in a session shared with other attributions of the tree. */
  public static Attribution of(Session session, List<Unit> units) {
    return run(session, units, java.util.Set.of(), true, null);
  }

  /**
   * As {@link #of(Session, List)}, and a javac task runs even when {@code units} is empty, so that
   * {@link #typeNamed} answers in every case: without a task there is no javac to ask, and a caller
   * that resolves names through this attribution (a move's plan lines) would read that as "no such
   * type" — a plan line naming a library type, in a tree where no file spells its member's name,
   * has no units at all.
   */
  public static Attribution withLookups(Session session, List<Unit> units) {
    return run(session, units, java.util.Set.of(), true, null, true);
  }

  /**
   * As {@link #of(Session, List)}, and hands every unit's attributed tree to {@code more}; for a
   * caller that keeps using javac's types after this returns (the session must stay open until
   * then: javac completes symbols lazily from its file manager).
   */
  public static Attribution of(Session session, List<Unit> units, UnitScanner more) {
    return run(session, units, java.util.Set.of(), true, more);
  }

  /**
   * Receives each attributed unit's tree while javac's task is alive, for a caller that indexes
   * more of javac's answers than this class does (the types of expressions: {@link
   * ExpressionTypes}).
   */
  public interface UnitScanner {
    void scan(Path file, CompilationUnitTree unit, Trees trees);
  }

  /** As {@link #of(List, List, List)}, and hands every unit's attributed tree to {@code more}. */
  public static Attribution of(
      List<Unit> units, List<Path> sourcePath, List<Path> classPath, UnitScanner more) {
    try (Session s = new Session(sourcePath, classPath)) {
      return run(s, units, java.util.Set.of(), true, more);
    }
  }

  /**
   * What several attributions of one tree share: javac's file manager on the tree's source path and
   * class path (the archives it opened, the file contents it read) and the declarations-only text
   * of every source-path file javac read. A what-if attributes the tree before and after the move
   * with the same inputs, and each fresh javac task otherwise reads and strips the same source-path
   * files again: measured on jackson-databind, that is most of a task's cost. The source files must
   * not change while a session is open. Not thread-safe: one attribution at a time.
   */
  public static final class Session implements AutoCloseable {
    private final StandardJavaFileManager files;
    private final Map<URI, String> declarations = new HashMap<>();

    public Session(List<Path> sourcePath, List<Path> classPath) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IllegalStateException("no Java compiler in this runtime (a JRE, not a JDK?)");
      }
      files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
      try {
        files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath);
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      } catch (IOException e) {
        close();
        throw new java.io.UncheckedIOException(e);
      }
    }

    String declarationsOf(JavaFileObject f) throws IOException {
      URI key = f.toUri();
      String s = declarations.get(key);
      if (s == null) {
        s =
            Declarations.withoutUnusedImports(
                Declarations.strip(f.getCharContent(true).toString()));
        declarations.put(key, s);
      }
      return s;
    }

    @Override
    public void close() {
      try {
        files.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * One compiler error in a unit.
   *
   * @param file the unit's path
   * @param line its line in the unit's text
   * @param message javac's message, its lines joined by "; ", without the {@code location:} line
   *     (which names the class the code sits in, and a move changes that)
   */
  public record Problem(Path file, long line, String message) {}

  /**
   * Attributes {@code units} as the tree would be with them: the units replace the files of the
   * same path, and {@code hidden} (files a change deletes, and the units' own paths) are not read
   * from the source path, so a name that only a deleted file declared does not resolve. Returns
   * javac's errors in the units, in report order; nothing is indexed.
   */
  public static List<Problem> problems(
      List<Unit> units, List<Path> sourcePath, List<Path> classPath, java.util.Set<Path> hidden) {
    try (Session s = new Session(sourcePath, classPath)) {
      return problems(s, units, hidden);
    }
  }

  /** As {@link #problems(List, List, List, java.util.Set)}, in a shared session. */
  public static List<Problem> problems(
      Session session, List<Unit> units, java.util.Set<Path> hidden) {
    Attribution a = run(session, units, hidden, false, null);
    List<Problem> out = new ArrayList<>();
    for (Unit u : units) {
      for (Diagnostic<? extends JavaFileObject> d : a.errors.getOrDefault(u.path(), List.of())) {
        out.add(new Problem(u.path(), d.getLineNumber(), Compilation.message(d)));
      }
    }
    return out;
  }

  private static Attribution run(
      Session session,
      List<Unit> units,
      java.util.Set<Path> hidden,
      boolean index,
      UnitScanner more) {
    return run(session, units, hidden, index, more, false);
  }

  private static Attribution run(
      Session session,
      List<Unit> units,
      java.util.Set<Path> hidden,
      boolean index,
      UnitScanner more,
      boolean evenIfEmpty) {
    Attribution a = new Attribution();
    if (units.isEmpty() && !evenIfEmpty) {
      return a;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try {
      Map<URI, Path> byUri = new HashMap<>();
      List<JavaFileObject> objects = new ArrayList<>();
      if (units.isEmpty()) {
        // javac's task refuses to run on no files at all ("no source files"): an empty
        // compilation unit, never written and never indexed, gives it one.
        objects.add(
            new InMemory(Path.of(System.getProperty("java.io.tmpdir"), "Lookups.java"), ""));
      }
      for (Unit u : units) {
        // A text with Unicode escapes is attributed whole: a body may spell a name only escaped
        // (\u0074wice), which the blanking's plain text search would not see.
        boolean whole = u.keep() == null || u.text().contains("\\u");
        InMemory o =
            new InMemory(u.path(), whole ? u.text() : Declarations.blank(u.text(), u.keep()));
        byUri.put(o.toUri(), u.path());
        objects.add(o);
      }
      // -proc:none: annotation processors of the class path must not run (and cannot write);
      // -implicit:none: nothing is generated; attribution only.
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null,
                  new DeclarationsOnly(session, normalized(hidden)),
                  diags,
                  // -Xmaxerrs: every error, not javac's first 100. Blanked bodies give errors of
                  // their own (a missing return, an implicit super() that does not fit) that a
                  // differential cancels only if both sides report all of them.
                  index
                      ? List.of(
                          "-proc:none",
                          "-implicit:none",
                          "-Xlint:none",
                          "-nowarn",
                          "-Xmaxerrs",
                          "1000000",
                          "-XDrawDiagnostics")
                      // problems are reported to the user: javac's own wording
                      : List.of(
                          "-proc:none",
                          "-implicit:none",
                          "-Xlint:none",
                          "-nowarn",
                          "-Xmaxerrs",
                          "1000000"),
                  null,
                  objects);
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      UnitsOnly.analyze(task);
      a.types = task.getTypes();
      a.elements = task.getElements();
      a.trees = Trees.instance(task);
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
          Path p = byUri.get(d.getSource().toUri());
          if (p != null) {
            a.errors.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
          }
        }
      }
      if (!index) {
        return a;
      }
      Trees t = a.trees;
      for (CompilationUnitTree cu : trees) {
        Path p = byUri.get(cu.getSourceFile().toUri());
        if (p != null) {
          a.index(p, cu, t);
          if (more != null) {
            more.scan(p, cu, t);
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return a;
  }

  private static java.util.Set<URI> normalized(java.util.Set<Path> paths) {
    java.util.Set<URI> out = new java.util.HashSet<>();
    for (Path p : paths) {
      out.add(p.toAbsolutePath().normalize().toUri().normalize());
    }
    return out;
  }

  /** True if {@code file} was one of the attributed units. */
  public boolean covers(Path file) {
    return spans.containsKey(file);
  }

  /** javac's errors in a unit, as {@code line: message}, in order. */
  public List<String> errors(Path file) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : errors.getOrDefault(file, List.of())) {
      out.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
    }
    return out;
  }

  /**
   * javac's errors in a unit whose position lies in {@code [start, end)}, each message whole on one
   * line, in order.
   */
  public List<String> errorsIn(Path file, int start, int end) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : errors.getOrDefault(file, List.of())) {
      if (d.getPosition() >= start && d.getPosition() < end) {
        out.add(d.getMessage(Locale.ROOT).replaceAll("\\s*\\n\\s*", " ").strip());
      }
    }
    return out;
  }

  /**
   * The binding of the name, member select ({@code a.b}, also the {@code a.m} of a call {@code
   * a.m(x)}) or method reference spanning {@code [start, end)} of {@code file}; null when no such
   * tree is there (the span does not match one javac tree).
   */
  public Binding at(Path file, int start, int end) {
    Map<Long, Binding> m = spans.get(file);
    return m == null ? null : m.get(key(start, end));
  }

  /** Receives one indexed binding with its span ({@link #forEachBinding}). */
  public interface SpanVisitor {
    void visit(int start, int end, Binding binding);
  }

  /**
   * Visits every binding indexed for {@code file} (names, member selects, method references, object
   * creations), in no particular order: a caller that keeps javac's answers in its own form can
   * then let go of this attribution, and with it javac's trees and symbol tables.
   */
  public void forEachBinding(Path file, SpanVisitor visitor) {
    for (Map.Entry<Long, Binding> e : spans.getOrDefault(file, Map.of()).entrySet()) {
      long k = e.getKey();
      visitor.visit((int) (k >>> 32), (int) k, e.getValue());
    }
  }

  /**
   * True if the expression spanning {@code [start, end)} names a type (or package), not a value.
   */
  public boolean namesType(Path file, int start, int end) {
    Map<Long, Boolean> m = typeQualifiers.get(file);
    return m != null && Boolean.TRUE.equals(m.get(key(start, end)));
  }

  /**
   * The element a Javadoc reference ({@code T#m(int)} of {@code {@link T#m(int)}}, {@code @see},
   * {@code {@linkplain}}) spanning {@code [start, end)} denotes, as javac's {@code DocTrees}
   * resolve it; null when javac did not resolve it or no reference spans exactly that.
   */
  public Element linkAt(Path file, int start, int end) {
    Map<Long, Element> m = links.get(file);
    return m == null ? null : m.get(key(start, end));
  }

  /** The method, field or type whose declared name starts at {@code nameOffset}; or null. */
  public Element declaredAt(Path file, int nameOffset) {
    Map<Integer, Element> m = declarations.get(file);
    return m == null ? null : m.get(nameOffset);
  }

  /**
   * javac's type operations for this attribution's elements (subtyping, {@code asMemberOf},
   * subsignatures), for callers that compare what it resolved.
   */
  public Types types() {
    return types;
  }

  /**
   * The type javac finds by this canonical name ({@code p.Outer.Inner}, nested at any depth) in
   * this attribution's task: a type of the units, of the source path, or of the class path and the
   * JDK (javac completes it on demand); null when javac has none by that name (a binary name such
   * as {@code p.Outer$Inner} is not a canonical name; a JDK module outside javac's module graph,
   * such as an incubator module, is not seen, as when compiling). An attribution of no units ran no
   * javac task and finds nothing, unless made by {@link #withLookups}.
   */
  public TypeElement typeNamed(String canonicalName) {
    return elements == null ? null : elements.getTypeElement(canonicalName);
  }

  /**
   * The source file javac read {@code type} from (a unit, or a file of the source path), or null
   * when javac read it from a class file (a library type: the class path or the JDK).
   */
  public Path sourceFileOf(TypeElement type) {
    TreePath p = trees == null ? null : trees.getPath(type);
    if (p == null) {
      return null;
    }
    URI uri = p.getCompilationUnit().getSourceFile().toUri();
    return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }

  /**
   * The annotations written on {@code e}'s declaration in a source file of this task (an attributed
   * unit or a file of the source path), as written ({@link WrittenAnnotations}); null when javac
   * has no source tree for it (a class file) or no javac task ran.
   */
  public List<WrittenAnnotations.Written> annotationsAsWritten(Element e) {
    return trees == null ? null : WrittenAnnotations.of(trees, e);
  }

  /** The erased type of an element, as javac prints it (for messages and signatures). */
  public String erasure(TypeMirror t) {
    return types.erasure(t).toString();
  }

  /**
   * True if {@code type} is {@code owner} or a subtype of it (erasures compared): a member {@code
   * owner} declares is inherited by {@code type}.
   */
  public boolean inherits(Element type, Element owner) {
    return type.equals(owner)
        || types.isSubtype(types.erasure(type.asType()), types.erasure(owner.asType()));
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  private void index(Path file, CompilationUnitTree cu, Trees trees) {
    SourcePositions pos = trees.getSourcePositions();
    Map<Long, Binding> bySpan = new HashMap<>();
    Map<Integer, Element> decls = new TreeMap<>();
    Map<Long, Boolean> typeNames = new HashMap<>();
    spans.put(file, bySpan);
    declarations.put(file, decls);
    typeQualifiers.put(file, typeNames);
    List<long[]> errorSpans = new ArrayList<>();
    List<Diagnostic<? extends JavaFileObject>> fileErrors = errors.getOrDefault(file, List.of());
    for (Diagnostic<? extends JavaFileObject> d : fileErrors) {
      errorSpans.add(new long[] {d.getStartPosition(), d.getEndPosition(), d.getPosition()});
    }
    String text;
    try {
      text = cu.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        record(node, null);
        return super.visitIdentifier(node, v);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void v) {
        record(node, node.getExpression());
        return super.visitMemberSelect(node, v);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void v) {
        record(node, node.getQualifierExpression());
        return super.visitMemberReference(node, v);
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void v) {
        record(node, null);
        return super.visitNewClass(node, v);
      }

      @Override
      public Void visitMethod(MethodTree node, Void v) {
        Tree after = node.getReturnType();
        int from = after == null ? (int) pos.getStartPosition(cu, node) : end(after);
        String name = node.getName().contentEquals("<init>") ? null : node.getName().toString();
        if (name != null) {
          declare(from, name);
        }
        return super.visitMethod(node, v);
      }

      @Override
      public Void visitVariable(VariableTree node, Void v) {
        if (node.getType() != null
            && getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          declare(end(node.getType()), node.getName().toString());
        }
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitClass(ClassTree node, Void v) {
        if (!node.getSimpleName().isEmpty()) {
          declare((int) pos.getStartPosition(cu, node), node.getSimpleName().toString());
        }
        return super.visitClass(node, v);
      }

      private int end(Tree t) {
        return (int) pos.getEndPosition(cu, t);
      }

      /** Finds the declared name at or after {@code from} and records the declared element. */
      private void declare(int from, String name) {
        if (from < 0) {
          return;
        }
        int at = from;
        while (true) {
          at = text.indexOf(name, at);
          if (at < 0) {
            return;
          }
          boolean startOk = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
          int after = at + name.length();
          boolean endOk =
              after >= text.length() || !Character.isJavaIdentifierPart(text.charAt(after));
          if (startOk && endOk) {
            break;
          }
          at = after;
        }
        Element e = trees.getElement(getCurrentPath());
        if (e != null) {
          decls.put(at, e);
        }
      }

      private void record(ExpressionTree node, ExpressionTree qualifier) {
        long start = pos.getStartPosition(cu, node);
        long end = pos.getEndPosition(cu, node);
        if (start < 0 || end < 0) {
          return;
        }
        TreePath path = getCurrentPath();
        Element e = trees.getElement(path);
        if (e != null
            && (e.getKind().isClass()
                || e.getKind().isInterface()
                || e.getKind() == ElementKind.PACKAGE)) {
          typeNames.put(key((int) start, (int) end), true);
        }
        String problem = problem(e, start, end, path, trees);
        boolean viaScope =
            qualifier == null
                && e != null
                && !(node instanceof com.sun.source.tree.NewClassTree)
                && viaEnclosing(path, e, trees);
        bySpan.put(key((int) start, (int) end), new Binding(e, viaScope, problem));
      }

      private String problem(Element e, long start, long end, TreePath path, Trees trees) {
        if (e == null || e.asType() == null || e.asType().getKind() == TypeKind.ERROR) {
          return "javac could not resolve it";
        }
        for (int i = 0; i < errorSpans.size(); i++) {
          long[] s = errorSpans.get(i);
          if (s[2] >= start && s[2] < end || s[0] >= start && s[0] < end) {
            return "javac reports an error there: "
                + fileErrors.get(i).getMessage(Locale.ROOT).lines().findFirst().orElse("");
          }
        }
        Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
        if (parent instanceof MethodInvocationTree mi && mi.getMethodSelect() == path.getLeaf()) {
          for (ExpressionTree arg : mi.getArguments()) {
            TypeMirror t = trees.getTypeMirror(new TreePath(path.getParentPath(), arg));
            if (t == null || t.getKind() == TypeKind.ERROR) {
              return "javac could not type an argument of the call";
            }
          }
        }
        return null;
      }
    }.scan(cu, null);
    docLinks(file, cu, trees);
  }

  /** Indexes every Javadoc reference of the unit by its span, with the element javac gives it. */
  private void docLinks(Path file, CompilationUnitTree cu, Trees trees) {
    if (!(trees instanceof com.sun.source.util.DocTrees docTrees)) {
      return;
    }
    Map<Long, Element> byRef = new HashMap<>();
    links.put(file, byRef);
    com.sun.source.util.DocSourcePositions pos = docTrees.getSourcePositions();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        // Only declarations carry Javadoc.
        if ((tree instanceof ClassTree
                || tree instanceof MethodTree
                || tree instanceof VariableTree)
            && getCurrentPath() != null) {
          TreePath path = new TreePath(getCurrentPath(), tree);
          com.sun.source.doctree.DocCommentTree doc = docTrees.getDocCommentTree(path);
          if (doc != null) {
            new com.sun.source.util.DocTreePathScanner<Void, Void>() {
              @Override
              public Void visitReference(com.sun.source.doctree.ReferenceTree ref, Void w) {
                long start = pos.getStartPosition(cu, doc, ref);
                long end = pos.getEndPosition(cu, doc, ref);
                Element e = docTrees.getElement(getCurrentPath());
                if (start >= 0 && end >= 0 && e != null) {
                  byRef.put(key((int) start, (int) end), e);
                }
                return null;
              }
            }.scan(new com.sun.source.util.DocTreePath(path, doc), null);
          }
        }
        return super.scan(tree, v);
      }
    }.scan(cu, null);
  }

  /**
   * True if an unqualified name reached {@code e} through a lexically enclosing class (declared or
   * inherited there) rather than through an import.
   */
  private boolean viaEnclosing(TreePath path, Element e, Trees trees) {
    Element owner = e.getEnclosingElement();
    if (!(owner instanceof TypeElement ownerType)) {
      return true; // a local variable or parameter
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        Element c = trees.getElement(p);
        if (c == null) {
          continue;
        }
        if (c.equals(ownerType)
            || types.isSubtype(types.erasure(c.asType()), types.erasure(ownerType.asType()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Serves source-path files as their {@link Declarations}: javac attributes every file it reads to
   * complete a type, and their method bodies are not what the units' resolution depends on (a
   * reference's meaning depends on signatures, fields and types only). Without this, a what-if on a
   * large tree attributes a large part of it.
   */
  private static final class DeclarationsOnly
      extends javax.tools.ForwardingJavaFileManager<StandardJavaFileManager> {
    private final java.util.Set<URI> hidden;
    private final Session session;

    DeclarationsOnly(Session session, java.util.Set<URI> hidden) {
      super(session.files);
      this.session = session;
      this.hidden = hidden;
    }

    @Override
    public void close() {
      // the session's file manager outlives this task
    }

    @Override
    public Iterable<JavaFileObject> list(
        Location location,
        String packageName,
        java.util.Set<JavaFileObject.Kind> kinds,
        boolean recurse)
        throws IOException {
      Iterable<JavaFileObject> all = super.list(location, packageName, kinds, recurse);
      if (location != StandardLocation.SOURCE_PATH) {
        return all;
      }
      List<JavaFileObject> out = new ArrayList<>();
      for (JavaFileObject f : all) {
        if (!hidden.isEmpty() && hidden.contains(f.toUri().normalize())) {
          continue;
        }
        out.add(f.getKind() == JavaFileObject.Kind.SOURCE ? new Stripped(f, session) : f);
      }
      return out;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
      return super.inferBinaryName(location, file instanceof Stripped s ? s.original() : file);
    }

    @Override
    public boolean isSameFile(javax.tools.FileObject a, javax.tools.FileObject b) {
      return super.isSameFile(
          a instanceof Stripped s ? s.original() : a, b instanceof Stripped t ? t.original() : b);
    }
  }

  /** A source-path file whose content is its declarations only. */
  private static final class Stripped extends javax.tools.ForwardingJavaFileObject<JavaFileObject> {
    private final Session session;

    Stripped(JavaFileObject f, Session session) {
      super(f);
      this.session = session;
    }

    JavaFileObject original() {
      return fileObject;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
      return session.declarationsOf(fileObject);
    }
  }

  /** A source file held in memory, named by its real path so diagnostics name it. */
  private static final class InMemory extends SimpleJavaFileObject {
    private final String text;

    InMemory(Path path, String text) {
      super(path.toAbsolutePath().normalize().toUri(), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
