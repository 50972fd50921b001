package dev.lockkit.analyzer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths given on the command line into source roots, one per module.
 *
 * <p>A directory that holds a {@code pom.xml} and {@code src/main/java} is a Maven module; a
 * directory that holds such modules below it (a multi-module checkout) stands for all of them; a
 * path ending in {@code src/main/java} is the module of the directory three levels up; any other
 * directory is one source root named after itself. Roots are returned in path order, and module
 * names that collide get a {@code #2}, {@code #3} suffix, so names are stable run to run.
 */
public final class InputScanner {

  private static final Set<String> SKIPPED_DIRS =
      Set.of("target", "build", "node_modules", "src", "out", "bin");
  private static final int MAX_MODULE_DEPTH = 6;

  private InputScanner() {}

  /** The source roots for the given paths; each must exist and hold at least one Java file. */
  public static List<SourceRoot> scan(List<Path> paths) throws InputException {
    if (paths.isEmpty()) {
      throw new InputException("no PATH given: name at least one source directory or module");
    }
    List<Path[]> found = new ArrayList<>(); // {nameDir, root}
    for (Path given : paths) {
      Path p = given.toAbsolutePath().normalize();
      if (!Files.exists(p)) {
        throw new InputException(given + ": no such file or directory");
      }
      if (!Files.isDirectory(p)) {
        throw new InputException(given + ": not a directory (give a source root or a module)");
      }
      if (!Files.isReadable(p)) {
        throw new InputException(given + ": directory is not readable");
      }
      List<Path> modules = new ArrayList<>();
      findModules(p, 0, modules);
      if (!modules.isEmpty()) {
        for (Path m : modules) {
          found.add(new Path[] {m, m.resolve("src/main/java")});
        }
      } else if (p.endsWith(Path.of("src", "main", "java")) && p.getNameCount() > 3) {
        found.add(new Path[] {p.getParent().getParent().getParent(), p});
      } else {
        found.add(new Path[] {p, p});
      }
    }
    found.sort((a, b) -> a[1].compareTo(b[1]));
    List<SourceRoot> roots = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Path previous = null;
    for (Path[] f : found) {
      if (f[1].equals(previous)) {
        continue; // the same root named twice
      }
      previous = f[1];
      String base = f[0].getFileName() == null ? "root" : f[0].getFileName().toString();
      int n = seen.merge(base, 1, Integer::sum);
      roots.add(new SourceRoot(n == 1 ? base : base + "#" + n, f[1]));
    }
    for (SourceRoot r : roots) {
      if (!hasJavaFile(r.root())) {
        throw new InputException(r.root() + ": no .java files found");
      }
    }
    return List.copyOf(roots);
  }

  private static void findModules(Path dir, int depth, List<Path> out) throws InputException {
    if (Files.isRegularFile(dir.resolve("pom.xml"))
        && Files.isDirectory(dir.resolve("src/main/java"))) {
      out.add(dir);
    }
    if (depth >= MAX_MODULE_DEPTH) {
      return;
    }
    List<Path> children = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isDirectory)
          .filter(c -> !c.getFileName().toString().startsWith("."))
          .filter(c -> !SKIPPED_DIRS.contains(c.getFileName().toString()))
          .filter(c -> Files.isRegularFile(c.resolve("pom.xml")))
          .forEach(children::add);
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list directory: " + e.getMessage(), e);
    }
    children.sort(null);
    for (Path c : children) {
      findModules(c, depth + 1, out);
    }
  }

  private static boolean hasJavaFile(Path root) throws InputException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.anyMatch(p -> p.toString().endsWith(".java") && Files.isRegularFile(p));
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(root + ": cannot read directory: " + e.getMessage(), e);
    }
  }

  /** Every {@code .java} file under a root, sorted by path. */
  public static List<Path> javaFiles(Path root) throws InputException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(root + ": cannot read directory: " + e.getMessage(), e);
    }
  }
}
