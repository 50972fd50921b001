package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.io.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
    Listing l = list(root);
    return !l.files().isEmpty() || !l.unreadable().isEmpty();
  }

  /** Every {@code .java} file under a root, sorted by path (unreadable directories left out). */
  public static List<Path> javaFiles(Path root) throws InputException {
    return list(root).files();
  }

  /**
   * The {@code .java} files under a root, and the directories or files below it that could not be
   * read, each with the reason.
   *
   * @param files sorted by path; a file reached twice through symbolic links is listed once, under
   *     its first path in that order
   * @param unreadable sorted by path
   */
  public record Listing(List<Path> files, List<Unreadable> unreadable) {}

  private static boolean isPackageName(Path file) {
    return javax.lang.model.SourceVersion.isIdentifier(file.getFileName().toString());
  }

  private static String why(Path link) {
    try {
      link.toRealPath();
      return "unknown";
    } catch (IOException e) {
      return IoMessages.describe(e).replace(link + ": ", "");
    }
  }

  /** A path under a root that could not be read: the analysis of that root is incomplete. */
  public record Unreadable(Path path, String reason) {}

  /**
   * Lists a root, following symbolic links to files and directories (the root itself may be one). A
   * link that leads back to a directory being walked (a loop) is not entered again — its files are
   * reached through the real path already. A directory or file that cannot be read is returned in
   * {@link Listing#unreadable()} for the caller to report; it does not stop the walk.
   *
   * @throws InputException when the root itself cannot be read
   */
  public static Listing list(Path root) throws InputException {
    List<Path> found = new ArrayList<>();
    List<Unreadable> bad = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.toString().endsWith(".java")) {
                found.add(file);
              } else if (attrs.isSymbolicLink() && file.toString().endsWith(".java")) {
                // The walk gives a link's own attributes when its target is missing.
                bad.add(new Unreadable(file, "symbolic link to a missing file"));
              } else if (attrs.isSymbolicLink() && isPackageName(file)) {
                // A link that no one can follow (to nothing, or to itself: ELOOP, root included)
                // named like a package directory may hide sources: reported, never skipped.
                bad.add(
                    new Unreadable(file, "symbolic link that cannot be followed: " + why(file)));
              } else if (attrs.isOther() && file.toString().endsWith(".java")) {
                // A pipe or device named *.java: never opened (a pipe would block the run).
                bad.add(new Unreadable(file, "not a regular file (a pipe, socket or device)"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (file.equals(root)) {
                throw e;
              }
              if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE; // an ancestor again: already being walked
              }
              bad.add(new Unreadable(file, IoMessages.describe(e).replace(file + ": ", "")));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      String why =
          e instanceof IOException io
              ? IoMessages.describe(io)
              : IoMessages.describe((UncheckedIOException) e);
      throw new InputException(
          root + ": cannot read directory: " + why.replace(root + ": ", ""), e);
    }
    found.sort(null);
    bad.sort((a, b) -> a.path().compareTo(b.path()));
    // The same file reached through two links (or a link and its target) is analysed once.
    Set<Path> real = new HashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path f : found) {
      Path key;
      try {
        key = f.toRealPath();
      } catch (IOException e) {
        key = f;
      }
      if (real.add(key)) {
        files.add(f);
      }
    }
    return new Listing(List.copyOf(files), List.copyOf(bad));
  }
}
