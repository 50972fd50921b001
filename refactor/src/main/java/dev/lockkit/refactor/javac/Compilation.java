package dev.lockkit.refactor.javac;

import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles (parses and attributes, generating nothing) every Java file under some source roots with
 * javac, and returns all its errors, so two trees can be compared error by error.
 */
public final class Compilation {

  /**
   * One compiler error.
   *
   * @param file the file's path relative to its source root, with '/' separators
   * @param line its line
   * @param message javac's message, its lines joined by "; ", without the {@code location:} line
   */
  public record Error(String file, long line, String message) {
    /**
     * What identifies the error independently of where edits moved it: the message alone. A move
     * carries code (and an error in it, such as a missing library) to another file and shifts
     * lines; the error is still the same one, and the location line names the class it now sits in.
     */
    public String key() {
      return message;
    }

    @Override
    public String toString() {
      return file + ":" + line + ": " + message;
    }
  }

  private Compilation() {}

  /** Every error javac reports for the Java files under {@code roots}, in report order. */
  public static List<Error> errors(List<Path> roots, List<Path> classPath) throws InputException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      files.addAll(InputScanner.javaFiles(root));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime (a JRE, not a JDK?)");
    }
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      fm.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      // No source path: a type the roots lack must not be found elsewhere.
      fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      var task =
          (com.sun.source.util.JavacTask)
              javac.getTask(
                  null,
                  fm,
                  diags,
                  List.of("-proc:none", "-Xlint:none", "-nowarn", "-Xmaxerrs", "100000"),
                  null,
                  fm.getJavaFileObjectsFromPaths(files));
      task.analyze();
    } catch (IOException e) {
      throw new InputException("cannot compile: " + e.getMessage(), e);
    }
    List<Error> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String file = "";
      if (d.getSource() != null) {
        Path p = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
        file = p.toString();
        for (Path root : roots) {
          Path r = root.toAbsolutePath().normalize();
          if (p.startsWith(r)) {
            file = r.relativize(p).toString().replace('\\', '/');
            break;
          }
        }
      }
      out.add(new Error(file, d.getLineNumber(), message(d)));
    }
    return out;
  }

  /**
   * A diagnostic's message on one line, without javac's {@code location:} lines: reports give the
   * file and line already, and one line per error keeps a differential a comparison of lines.
   */
  static String message(Diagnostic<? extends JavaFileObject> d) {
    return String.join(
        "; ",
        d.getMessage(Locale.ROOT)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("location:"))
            .toList());
  }
}
