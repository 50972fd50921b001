package dev.lockkit.refactor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * One javac task over an attribution's units, in a {@link Attribution.Session}: the units in memory
 * (method bodies blanked when a unit says which names to keep), the source path served
 * declarations-only ({@link DeclarationsOnly}) with the hidden files left out, javac's options,
 * attribution of the units only ({@link UnitsOnly}), and javac's errors gathered by unit. Apart
 * from {@link Attribution}'s read API so that what javac is asked, and how, is read in one place.
 */
final class AttributionTask {

  private AttributionTask() {}

  /**
   * Attributes {@code units} and, when {@code index}, indexes what javac bound in them ({@link
   * BindingIndex}) and hands each unit's tree to {@code more}.
   *
   * @param hidden files javac must not read from the source path
   * @param index false when only the units' errors are wanted (and javac's own wording of them)
   * @param more null, or a scanner of each unit's attributed tree
   * @param evenIfEmpty run a javac task even for no units, so that look-ups have a javac to ask
   */
  static Attribution run(
      Attribution.Session session,
      List<Attribution.Unit> units,
      java.util.Set<Path> hidden,
      boolean index,
      Attribution.UnitScanner more,
      boolean evenIfEmpty) {
    // A module declaration is no unit: it would put javac in module mode, where the in-memory
    // units are refused; the tools attribute code, not the module graph (see DeclarationsOnly).
    units =
        units.stream()
            .filter(u -> !u.path().getFileName().toString().equals("module-info.java"))
            .toList();
    if (units.isEmpty() && !evenIfEmpty) {
      return Attribution.none();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try {
      Map<URI, Path> byUri = new HashMap<>();
      // Per unit: the names its Javadoc links are indexed for (null: every link), as its bodies.
      Map<Path, java.util.Set<String>> docNames = new HashMap<>();
      List<JavaFileObject> objects = new ArrayList<>();
      if (units.isEmpty()) {
        // javac's task refuses to run on no files at all ("no source files"): an empty
        // compilation unit, never written and never indexed, gives it one. Its name is no Java
        // identifier, so it can never stand for a type of the source path that javac looks up.
        objects.add(
            new InMemorySource(
                Path.of(System.getProperty("java.io.tmpdir"), "lockkit-no-units.java"), ""));
      }
      for (Attribution.Unit u : units) {
        // A text with Unicode escapes is attributed whole: a body may spell a name only escaped
        // (\u0074wice), which the blanking's plain text search would not see.
        boolean whole = (u.keep() == null && u.keepBody() == null) || u.text().contains("\\u");
        InMemorySource o =
            new InMemorySource(
                u.path(),
                whole
                    ? u.text()
                    : u.keepBody() != null
                        ? Declarations.blank(u.text(), u.keepBody())
                        : Declarations.blank(u.text(), u.keep()));
        byUri.put(o.toUri(), u.path());
        docNames.put(u.path(), whole ? null : u.keep());
        objects.add(o);
      }
      // -proc:none: annotation processors of the class path must not run (and cannot write);
      // -implicit:none: nothing is generated; attribution only.
      // -Xprefer:source: a type both on the source path and in a class file of the class path
      // (the module's own target/classes, say) is read from the source being changed, not from
      // whichever of the two files is newer, which may be a stale build.
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
                          "-Xprefer:source",
                          "-Xlint:none",
                          "-nowarn",
                          "-Xmaxerrs",
                          "1000000",
                          "-XDrawDiagnostics")
                      // problems are reported to the user: javac's own wording
                      : List.of(
                          "-proc:none",
                          "-implicit:none",
                          "-Xprefer:source",
                          "-Xlint:none",
                          "-nowarn",
                          "-Xmaxerrs",
                          "1000000"),
                  null,
                  objects);
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      UnitsOnly.analyze(task);
      Types types = task.getTypes();
      javax.lang.model.util.Elements elements = task.getElements();
      Trees t = Trees.instance(task);
      Map<Path, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
          Path p = byUri.get(d.getSource().toUri());
          if (p != null) {
            errors.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
          }
        }
      }
      BindingIndex bound = new BindingIndex(types);
      Attribution a = new Attribution(types, elements, t, errors, bound);
      if (!index) {
        return a;
      }
      for (CompilationUnitTree cu : trees) {
        Path p = byUri.get(cu.getSourceFile().toUri());
        if (p != null) {
          bound.index(p, cu, t, errors.getOrDefault(p, List.of()), docNames.get(p));
          if (more != null) {
            more.scan(p, cu, t);
          }
        }
      }
      return a;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.Set<URI> normalized(java.util.Set<Path> paths) {
    java.util.Set<URI> out = new java.util.HashSet<>();
    for (Path p : paths) {
      out.add(p.toAbsolutePath().normalize().toUri().normalize());
    }
    return out;
  }
}
