package dev.lockkit.refactor.migrate.resolve;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.javac.ExpressionTypes;
import dev.lockkit.refactor.source.PackageScan;
import dev.lockkit.refactor.source.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The analysed files and the template file attributed in one javac task, so that a type of the
 * template (a placeholder's) and a type of the analysed code (an expression's) are types of the
 * same compiler and {@code Types.isAssignable} compares them. Error Prone's {@code Refaster} class
 * is put on the source path as a stub behind the user's entries ({@link RefasterStub}). The task's
 * file manager (and the stub) stay open until {@link #close()}, which the caller calls once {@link
 * Symbols#of} and {@link TemplateSymbols} have copied what they need: javac completes symbols
 * lazily, so a type compared after its file manager closed could fail to load.
 */
public final class OneTask implements AutoCloseable {

  final Attribution attribution;
  final ExpressionTypes types;
  final SourceFile template;
  private final Attribution.Session session;
  private final Path stub;
  private final Set<String> topLevelTypes;
  private final Set<Path> candidates;

  private OneTask(
      Attribution attribution,
      ExpressionTypes types,
      SourceFile template,
      Attribution.Session session,
      Path stub,
      Set<String> topLevelTypes,
      Set<Path> candidates) {
    this.candidates = candidates;
    this.attribution = attribution;
    this.types = types;
    this.template = template;
    this.session = session;
    this.stub = stub;
    this.topLevelTypes = topLevelTypes;
  }

  /** javac failed outright (not a compile error in the input: those are per-site answers). */
  public static final class Failed extends RuntimeException {
    Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Attributes the workspace's files that {@code scan} finds can hold a site (and of those only the
   * method and constructor bodies whose text it accepts; the others are blanked, offsets kept) and
   * the whole template file. Every other analysed file is read by javac from the source path when a
   * candidate needs one of its types, declarations only; one that javac could not find there by its
   * name (a top-level type named unlike its file, a directory that does not mirror its package, a
   * text the type scan does not follow) is attributed as a unit too, every body blanked, so that
   * its types resolve as before.
   *
   * @throws Failed when javac fails outright (no compiler in this runtime, a crash, or the stub
   *     cannot be written)
   * @param classpath the {@code --classpath} entries: jars and class directories go on javac's
   *     class path, source directories on its source path with the files' own source roots
   */
  public static OneTask of(
      Workspace ws, List<Path> classpath, Candidates scan, SourceFile template) {
    if (javax.tools.ToolProvider.getSystemJavaCompiler() == null) {
      throw new Failed("no Java compiler in this runtime (a JRE, not a JDK?)", null);
    }
    Path stub = null;
    Attribution.Session session = null;
    try {
      stub = Files.createTempDirectory("lockkit-refaster-stub");
      Path source = stub.resolve(RefasterStub.NAME.replace('.', '/') + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, RefasterStub.SOURCE);
      List<Attribution.Unit> units = new ArrayList<>();
      Set<Path> analysed = new HashSet<>();
      Set<Path> candidates = new HashSet<>();
      Set<String> topLevel = new TreeSet<>();
      for (Workspace.Source u : ws.files()) {
        Path p = u.file().path();
        analysed.add(p);
        if (p.equals(template.path())) {
          continue;
        }
        if (scan.test(u.file().text())) {
          candidates.add(p);
        } else if (onSourcePath(u.file(), topLevel)) {
          continue;
        }
        // A body of a file that is no candidate is no candidate either: blanked.
        // Every body kept: the text as it is (no blanked copy of it alive while javac runs).
        units.add(
            new Attribution.Unit(p, u.file().text(), null, scan.everyFile() ? null : scan::test));
      }
      // The template file is attributed whole, also when it lies inside the analysed tree.
      units.add(new Attribution.Unit(template.path(), template.text()));
      List<Path> sourcePath = new ArrayList<>(ws.sourceRoots());
      List<Path> classPath = new ArrayList<>();
      for (Path e : classpath) {
        (Symbols.isSourceDirectory(e) ? sourcePath : classPath).add(e);
      }
      sourcePath.add(stub);
      ExpressionTypes types = new ExpressionTypes();
      session = new Attribution.Session(sourcePath, classPath);
      Attribution a =
          Attribution.of(
              session,
              units,
              (file, unit, trees) -> {
                types.scan(file, unit, trees);
                if (analysed.contains(file)) {
                  topLevel.addAll(topLevelTypes(unit));
                }
              });
      return new OneTask(a, types, template, session, stub, topLevel, Set.copyOf(candidates));
    } catch (IOException | RuntimeException e) {
      // Not "every site unresolved": a run without javac's answers would report nothing useful.
      close(session, stub);
      throw new Failed(String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * True if the analysed file {@code path} can hold a site ({@link Candidates}): javac attributed
   * it, and only such files need to be parsed and matched.
   */
  public boolean isCandidate(Path path) {
    return candidates.contains(path);
  }

  /**
   * True if javac finds every top-level type of {@code file} on the source path by its name, so it
   * need not be a unit; then adds those types' qualified names to {@code topLevel}, as javac's tree
   * would have given them. javac looks a type {@code p.T} up as {@code p/T.java} under a source
   * root: a second top-level type of a file is found only once the file was read for its first.
   */
  private static boolean onSourcePath(SourceFile file, Set<String> topLevel) {
    String name = file.path().getFileName().toString();
    if (!name.endsWith(".java") || name.equals("module-info.java")) {
      return false; // a module declaration changes how javac compiles: kept a unit as before
    }
    String simple = name.substring(0, name.length() - ".java".length());
    List<String> types = TopLevelScan.typesOf(file.text()).orElse(null);
    if (types == null || types.stream().anyMatch(t -> !t.equals(simple))) {
      return false;
    }
    String pkg = PackageScan.packageOf(file.text()).orElse(null);
    if (pkg == null && Words.of(file.text()).contains("package")) {
      return false; // a package declaration the scan did not follow
    }
    Path dir = file.path().getParent();
    if (pkg != null) {
      String[] segments = pkg.split("\\.");
      for (int i = segments.length - 1; i >= 0; i--) {
        if (dir == null || !dir.getFileName().toString().equals(segments[i])) {
          return false;
        }
        dir = dir.getParent();
      }
    }
    for (String t : types) {
      topLevel.add(pkg == null ? t : pkg + "." + t);
    }
    return true;
  }

  /**
   * The qualified names of the top-level types the analysed files declare (the template file's too
   * when it lies inside the analysed tree), as javac parsed them: the import plan needs them before
   * any file is parsed with JavaParser for its turn.
   */
  public Set<String> topLevelTypes() {
    return topLevelTypes;
  }

  private static List<String> topLevelTypes(CompilationUnitTree unit) {
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
    List<String> out = new ArrayList<>();
    for (Tree t : unit.getTypeDecls()) {
      if (t instanceof ClassTree c && !c.getSimpleName().isEmpty()) {
        out.add(pkg + c.getSimpleName());
      }
    }
    return out;
  }

  /** Releases javac's file manager and deletes the stub. */
  @Override
  public void close() {
    close(session, stub);
  }

  private static void close(Attribution.Session session, Path stub) {
    try {
      if (session != null) {
        session.close();
      }
    } catch (UncheckedIOException e) {
      // Closing the archives javac opened; nothing is lost if that fails.
    } finally {
      delete(stub);
    }
  }

  /** javac's answers for the template file's names. */
  public TemplateSymbols templateSymbols() {
    return TemplateSymbols.over(attribution, types, template);
  }

  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
