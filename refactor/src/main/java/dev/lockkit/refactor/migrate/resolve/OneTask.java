package dev.lockkit.refactor.migrate.resolve;

import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.javac.ExpressionTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The analysed files and the template file attributed in one javac task, so that a type of the
 * template (a placeholder's) and a type of the analysed code (an expression's) are types of the
 * same compiler and {@code Types.isAssignable} compares them. Error Prone's {@code Refaster} class
 * is put on the source path as a stub behind the user's entries ({@link RefasterStub}). The task is
 * held only until {@link Symbols#of} and {@link TemplateSymbols} have copied what they need.
 */
public final class OneTask {

  final Attribution attribution;
  final ExpressionTypes types;
  final SourceFile template;

  private OneTask(Attribution attribution, ExpressionTypes types, SourceFile template) {
    this.attribution = attribution;
    this.types = types;
    this.template = template;
  }

  /**
   * Attributes the workspace's files (only the bodies that spell one of {@code names}; null: every
   * body) and the whole template file; null when this runtime has no compiler or javac fails
   * outright.
   *
   * @param classpath the {@code --classpath} entries: jars and class directories go on javac's
   *     class path, source directories on its source path with the files' own source roots
   */
  public static OneTask of(
      Workspace ws, List<Path> classpath, Set<String> names, SourceFile template) {
    if (javax.tools.ToolProvider.getSystemJavaCompiler() == null) {
      return null;
    }
    Path stub = null;
    try {
      stub = Files.createTempDirectory("lockkit-refaster-stub");
      Path source = stub.resolve(RefasterStub.NAME.replace('.', '/') + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, RefasterStub.SOURCE);
      List<Attribution.Unit> units = new ArrayList<>();
      for (Workspace.Unit u : ws.units()) {
        if (!u.file().path().equals(template.path())) {
          units.add(
              new Attribution.Unit(
                  u.file().path(), u.file().text(), names == null ? null : Set.copyOf(names)));
        }
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
      Attribution a = Attribution.of(units, sourcePath, classPath, types);
      return new OneTask(a, types, template);
    } catch (IOException | RuntimeException e) {
      // Without javac's answers nothing can be matched on them; the callers say so per site.
      return null;
    } finally {
      delete(stub);
    }
  }

  /** javac's answers for the template file's names. */
  public TemplateSymbols templateSymbols() {
    return TemplateSymbols.over(attribution, template);
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
