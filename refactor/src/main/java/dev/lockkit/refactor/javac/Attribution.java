package dev.lockkit.refactor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
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
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
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
 *
 * <p>This class is the read API, the public types and the session; the javac task itself (options,
 * in-memory units, errors by unit) is {@link AttributionTask}, the source path it reads is {@link
 * DeclarationsOnly}, and the index of what javac bound, filled while the task is alive, is {@link
 * BindingIndex}.
 */
public final class Attribution {

  /**
   * A compilation unit given in memory: the file it stands for and its text.
   *
   * @param keep null to attribute the whole unit; else only the method bodies that spell one of
   *     these names are attributed (the others are blanked, offsets kept): a reference to a moved
   *     element must spell its name
   * @param keepBody null, or (instead of {@code keep}) the test a method or constructor body's text
   *     must pass to be attributed
   */
  public record Unit(
      Path path,
      String text,
      java.util.Set<String> keep,
      java.util.function.Predicate<String> keepBody) {
    public Unit(Path path, String text) {
      this(path, text, null, null);
    }

    public Unit(Path path, String text, java.util.Set<String> keep) {
      this(path, text, keep, null);
    }
  }

  /** What javac bound an expression or declaration to, or why it could not. */
  public record Binding(Element element, boolean viaEnclosingScope, String problem) {
    public boolean resolved() {
      return problem == null;
    }
  }

  /** javac's errors by unit, in report order. */
  private final Map<Path, List<Diagnostic<? extends JavaFileObject>>> errors;

  /** What javac bound in the units, by span (empty when not indexed). */
  private final BindingIndex bound;

  /** The task's type operations and elements (null when no javac task ran). */
  private final Types types;

  private final javax.lang.model.util.Elements elements;

  /** The task's trees (null when no javac task ran): a source declaration's tree. */
  private final Trees trees;

  /** The answers of one javac task ({@link AttributionTask}). */
  Attribution(
      Types types,
      javax.lang.model.util.Elements elements,
      Trees trees,
      Map<Path, List<Diagnostic<? extends JavaFileObject>>> errors,
      BindingIndex bound) {
    this.types = types;
    this.elements = elements;
    this.trees = trees;
    this.errors = errors;
    this.bound = bound;
  }

  /** An attribution of no units when no javac task ran: it knows nothing. */
  static Attribution none() {
    return new Attribution(null, null, null, new HashMap<>(), new BindingIndex(null));
  }

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
    return AttributionTask.run(session, units, java.util.Set.of(), true, null, false);
  }

  /**
   * As {@link #of(Session, List)}, and a javac task runs even when {@code units} is empty, so that
   * {@link #typeNamed} answers in every case: without a task there is no javac to ask, and a caller
   * that resolves names through this attribution (a move's plan lines) would read that as "no such
   * type" — a plan line naming a library type, in a tree where no file spells its member's name,
   * has no units at all.
   */
  public static Attribution withLookups(Session session, List<Unit> units) {
    return AttributionTask.run(session, units, java.util.Set.of(), true, null, true);
  }

  /**
   * As {@link #of(Session, List)}, and hands every unit's attributed tree to {@code more}; for a
   * caller that keeps using javac's types after this returns (the session must stay open until
   * then: javac completes symbols lazily from its file manager).
   */
  public static Attribution of(Session session, List<Unit> units, UnitScanner more) {
    return AttributionTask.run(session, units, java.util.Set.of(), true, more, false);
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
      return AttributionTask.run(s, units, java.util.Set.of(), true, more, false);
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

    /** The file manager every task of the session shares ({@link DeclarationsOnly} wraps it). */
    StandardJavaFileManager files() {
      return files;
    }

    /** {@code f}'s declarations-only text, stripped once per session. */
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
    Attribution a = AttributionTask.run(session, units, hidden, false, null, false);
    List<Problem> out = new ArrayList<>();
    for (Unit u : units) {
      for (Diagnostic<? extends JavaFileObject> d : a.errors.getOrDefault(u.path(), List.of())) {
        out.add(new Problem(u.path(), d.getLineNumber(), Compilation.message(d)));
      }
    }
    return out;
  }

  /** True if {@code file} was one of the attributed units. */
  public boolean covers(Path file) {
    return bound.covers(file);
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
    return bound.at(file, start, end);
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
    bound.forEachBinding(file, visitor);
  }

  /**
   * True if the expression spanning {@code [start, end)} names a type (or package), not a value.
   */
  public boolean namesType(Path file, int start, int end) {
    return bound.namesType(file, start, end);
  }

  /**
   * The element a Javadoc reference ({@code T#m(int)} of {@code {@link T#m(int)}}, {@code @see},
   * {@code {@linkplain}}) spanning {@code [start, end)} denotes, as javac's {@code DocTrees}
   * resolve it; null when javac did not resolve it or no reference spans exactly that.
   */
  public Element linkAt(Path file, int start, int end) {
    return bound.linkAt(file, start, end);
  }

  /** The method, field or type whose declared name starts at {@code nameOffset}; or null. */
  public Element declaredAt(Path file, int nameOffset) {
    return bound.declaredAt(file, nameOffset);
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

  /**
   * False when {@code reason} (javac's, as this class reports it) is an error of the code itself
   * ("cannot inherit from final", "incompatible types"): then asking the user for a library on the
   * class path would send them the wrong way. A missing symbol, package or class file, or a name
   * javac could not resolve at all, may be the class path's.
   */
  public static boolean classPathMayHelp(String reason) {
    if (!reason.contains("javac reports an error there:")) {
      return true;
    }
    return reason.contains("cannot find symbol")
        || reason.contains("does not exist")
        || reason.contains("cannot access")
        || reason.contains("class file");
  }
}
