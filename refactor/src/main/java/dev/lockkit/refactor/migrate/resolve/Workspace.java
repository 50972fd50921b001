package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.edit.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The sources a migration reads, parsed with JavaParser for positions and text (what their names
 * and types mean is javac's answer: {@link OneTask}, {@link Symbols}), with the source roots of the
 * analysed files (derived from each file's package declaration) and the checked {@code --classpath}
 * entries that javac's task is given. The parser keeps a tab as one column so that JavaParser
 * positions index the same characters as {@link SourceFile#offset(int, int)}.
 */
public final class Workspace {

  private final JavaParser parser;
  private final Path base;
  private final List<Unit> units;
  private final List<Problem> skipped;
  private final List<Path> roots;
  private final List<Path> classpath;

  /** One parsed file of the analysed tree; its tree is null once {@link #release}d. */
  public record Unit(SourceFile file, CompilationUnit cu, String displayPath) {}

  /** A file of the analysed tree that did not parse; it is skipped and reported. */
  public record Problem(String displayPath, int line, String message) {}

  private Workspace(
      JavaParser parser,
      Path base,
      List<Unit> units,
      List<Problem> skipped,
      List<Path> roots,
      List<Path> classpath) {
    this.parser = parser;
    this.classpath = classpath;
    this.roots = roots;
    this.base = base;
    this.units = units;
    this.skipped = skipped;
  }

  /**
   * Reads every {@code .java} file under {@code paths} (files or directories), sorted by path.
   *
   * @param base the directory report paths are shown relative to
   * @throws WorkspaceException for a path that does not exist or a class path entry that cannot be
   *     read
   */
  public static Workspace load(Path base, List<Path> paths, List<Path> classpath)
      throws WorkspaceException {
    Set<Path> files = new TreeSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new WorkspaceException(p + ": no such file or directory");
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
              .forEach(f -> files.add(f.toAbsolutePath().normalize()));
        } catch (IOException | UncheckedIOException e) {
          throw new WorkspaceException(p + ": cannot be listed: " + e.getMessage());
        }
      } else if (p.toString().endsWith(".java")) {
        files.add(p.toAbsolutePath().normalize());
      } else {
        throw new WorkspaceException(p + ": not a .java file or a directory");
      }
    }
    for (Path entry : classpath) {
      checkClasspathEntry(entry);
    }
    JavaParser parser = new JavaParser(configuration());
    List<SourceFile> read = new ArrayList<>();
    List<ParseResult<CompilationUnit>> results = new ArrayList<>();
    Set<Path> roots = new LinkedHashSet<>();
    for (Path f : files) {
      SourceFile sf;
      try {
        sf = SourceFile.read(f);
      } catch (IOException e) {
        throw new WorkspaceException(e.getMessage());
      }
      ParseResult<CompilationUnit> r = parser.parse(sf.text());
      // At once, not after every file is read: the trees with their tokens were the peak of a
      // migration's memory (jackson-databind: 400 MB live at the end of parsing, against 91 MB
      // for the same trees without tokens).
      r.getResult().ifPresent(Workspace::dropTokens);
      read.add(sf);
      results.add(r);
      roots.add(sourceRoot(f, r.getResult().orElse(null)));
    }
    List<Unit> units = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    Path absBase = base.toAbsolutePath().normalize();
    for (int i = 0; i < read.size(); i++) {
      SourceFile sf = read.get(i);
      ParseResult<CompilationUnit> r = results.get(i);
      String display = display(absBase, sf.path());
      if (r.isSuccessful() && r.getResult().isPresent()) {
        units.add(new Unit(sf, r.getResult().get(), display));
      } else {
        com.github.javaparser.Problem first = r.getProblems().get(0);
        int line =
            first
                .getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(x -> x.begin.line)
                .orElse(0);
        skipped.add(new Problem(display, line, first.getMessage().lines().findFirst().orElse("")));
      }
    }
    return new Workspace(
        parser,
        absBase,
        new ArrayList<>(units),
        List.copyOf(skipped),
        List.copyOf(roots),
        List.copyOf(classpath));
  }

  /**
   * Drops the tree's tokens, keeping every node's range: matching, rewriting and reporting work on
   * ranges and the file's text, and the tokens were two thirds of the trees' memory (measured on
   * jackson-databind's 478 files: 303 MB of live heap with tokens, against 91 MB for the trees
   * without tokens, ranges or comments). Comments were attached while parsing and stay.
   */
  private static void dropTokens(CompilationUnit cu) {
    List<Node> nodes = new ArrayList<>(cu.findAll(Node.class));
    nodes.addAll(cu.getAllContainedComments());
    for (Node n : nodes) {
      com.github.javaparser.Range range = n.getRange().orElse(null);
      n.setTokenRange(null);
      n.setRange(range);
    }
  }

  private static ParserConfiguration configuration() {
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
        .setTabSize(1);
  }

  private static Path sourceRoot(Path file, CompilationUnit cu) {
    Path dir = file.getParent();
    if (cu == null || cu.getPackageDeclaration().isEmpty()) {
      return dir;
    }
    String[] segments = cu.getPackageDeclaration().get().getNameAsString().split("\\.");
    Path root = dir;
    for (int i = segments.length - 1; i >= 0; i--) {
      if (root == null || !root.getFileName().toString().equals(segments[i])) {
        return dir; // directory does not mirror the package: resolve siblings only
      }
      root = root.getParent();
    }
    return root == null ? dir : root;
  }

  /**
   * A {@code --classpath} entry must exist, and a file must be a readable jar: javac would skip a
   * bad entry silently and every name it declares would come out unresolved.
   */
  private static void checkClasspathEntry(Path entry) throws WorkspaceException {
    if (!Files.exists(entry)) {
      throw new WorkspaceException("--classpath " + entry + ": no such file or directory");
    }
    if (Files.isRegularFile(entry)) {
      try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry.toFile())) {
        jar.size();
      } catch (IOException | RuntimeException e) {
        throw new WorkspaceException(
            "--classpath " + entry + ": cannot be read: " + e.getMessage());
      }
    }
  }

  private static String display(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** The parser the workspace's files were read with (templates are parsed with it). */
  public JavaParser parser() {
    return parser;
  }

  /** The directory report paths are relative to. */
  public Path base() {
    return base;
  }

  /** Display path of any file, relative to {@link #base()} when inside it. */
  public String displayPath(Path file) {
    return display(base, file);
  }

  /** Parsed files, sorted by path. */
  public List<Unit> units() {
    return java.util.Collections.unmodifiableList(units);
  }

  /**
   * Lets go of a file's tree once its work is done (matching, planning, sites left): the unit keeps
   * its text and display path, its tree becomes null. The trees of every file alive to the end were
   * the largest part of a migration's live data after javac's.
   */
  public void release(Unit unit) {
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i) == unit) { // identity: a record's equals would compare whole trees
        units.set(i, new Unit(unit.file(), null, unit.displayPath()));
        return;
      }
    }
  }

  /** The source roots of the analysed files (derived from their package declarations). */
  public List<Path> sourceRoots() {
    return roots;
  }

  /** The {@code --classpath} entries the workspace was loaded with. */
  public List<Path> classpath() {
    return classpath;
  }

  /** Files that did not parse, sorted by path. */
  public List<Problem> skipped() {
    return skipped;
  }
}
