package dev.lockkit.refactor.move;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import picocli.CommandLine;

/** Shared helpers: fixture trees, running the command, snapshots, compiling a result. */
final class MoveTestSupport {

  /** The fixtures directory of this project (tests run in the module directory). */
  static final Path FIXTURES =
      Path.of("..", "fixtures", "refactorings").toAbsolutePath().normalize();

  private MoveTestSupport() {}

  /** The outcome of one command run. */
  record Run(int exit, String out, String err) {}

  static Run move(String... args) {
    return move(new MoveCommand(), args);
  }

  /** Runs {@code cmd} (a command a test configured, e.g. the Maven it runs) with {@code args}. */
  static Run move(MoveCommand cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Copies a directory tree. */
  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  /** Every file under {@code root} by relative path, with its exact bytes as text. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        out.put(
            root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static void write(Path root, String rel, String text) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles every Java file under {@code root} with javax.tools; returns the diagnostics. */
  static String compile(Path root, Path out) throws IOException {
    return compile(List.of(root), out);
  }

  /** Compiles every Java file under all {@code roots} together. */
  static String compile(List<Path> roots, Path out) throws IOException {
    return compile(roots, out, List.of());
  }

  /** Compiles every Java file under all {@code roots} together against {@code classpath}. */
  static String compile(List<Path> roots, Path out, List<Path> classpath) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn"));
    if (!classpath.isEmpty()) {
      args.add("-classpath");
      args.add(
          String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    }
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
      }
    }
    StringWriter diag = new StringWriter();
    int rc =
        javac.run(
            null,
            null,
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                diag.write(b);
              }
            },
            args.toArray(String[]::new));
    return rc == 0 ? "" : diag.toString();
  }
}
