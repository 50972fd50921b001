package dev.lockkit.analyzer.variants;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a set of sources held in memory with the platform compiler ({@code javax.tools}),
 * writing class files nowhere: only the verdict and the first errors matter. The class path is
 * exactly the one given (empty by default), never lockkit's own.
 */
final class InMemoryCompiler {
  private final JavaCompiler compiler;
  private final List<String> classpath;

  InMemoryCompiler(List<String> classpath) {
    this.compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no Java compiler in this runtime: run lockkit on a JDK, not a JRE");
    }
    this.classpath = List.copyOf(classpath);
  }

  /** Outcome: success, and the first {@code limit} errors as {@code path:line: message}. */
  record Outcome(boolean success, List<String> errors) {}

  Outcome compile(Map<String, String> sources, int limit) {
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((path, text) -> units.add(new Source(path, text)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-proc:none",
            "-nowarn",
            "-Xlint:none",
            "--release",
            "17",
            "-classpath",
            String.join(java.io.File.pathSeparator, classpath));
    StandardJavaFileManager standard =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    try (JavaFileManager files = new Discarding(standard)) {
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR || errors.size() >= limit) {
          continue;
        }
        String where = d.getSource() instanceof Source s ? s.path : "javac";
        // javac puts the symbol and its location on follow-up lines; keep them, on one line.
        String message =
            String.join(
                "; ",
                d.getMessage(Locale.ROOT)
                    .lines()
                    .map(l -> l.strip().replaceAll("\\s+", " "))
                    .toList());
        errors.add(where + ":" + d.getLineNumber() + ": " + message);
      }
      return new Outcome(ok, errors);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("in-memory file manager failed", e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    final String path;
    final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.path = path;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Sends every class file to a byte sink. */
  private static final class Discarding extends ForwardingJavaFileManager<StandardJavaFileManager> {
    Discarding(StandardJavaFileManager m) {
      super(m);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(
          URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream();
        }
      };
    }
  }
}
