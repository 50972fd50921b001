package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.source.PackageScan;
import dev.lockkit.refactor.source.UnicodeEscapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The sources a migration reads, with the source roots of the analysed files (derived from each
 * file's package declaration, found by {@link PackageScan}) and the checked {@code --classpath}
 * entries that javac's task is given. What names and types mean is javac's answer ({@link OneTask},
 * {@link Symbols}); JavaParser parses each file only for its own turn ({@link #parse}): positions
 * and text for matching, planning and rewriting, the tree let go after the turn. The parser keeps a
 * tab as one column so that JavaParser positions index the same characters as {@link
 * SourceFile#offset(int, int)}.
 *
 * <p>Why a file is not parsed when it is read: every file's tree alive while javac attributes was
 * the peak of a migration's memory (measured on jackson-databind: 228 MB live at the peak, of which
 * the trees without tokens were about 110 MB).
 */
public final class Workspace {

  /** The file a tree was parsed from, kept on its compilation unit ({@link #sourceOf}). */
  private static final DataKey<SourceFile> SOURCE = new DataKey<>() {};

  private final JavaParser parser;
  private final Path base;
  private final List<Source> files;
  private final List<Problem> skipped = new ArrayList<>();
  private final List<Path> roots;
  private final List<Path> classpath;

  /** One file of the analysed tree, read but not parsed. */
  public record Source(SourceFile file, String displayPath) {}

  /** One file of the analysed tree parsed for its turn ({@link #parse}). */
  public record Unit(SourceFile file, CompilationUnit cu, String displayPath) {}

  /** A file of the analysed tree that did not parse; it is skipped and reported. */
  public record Problem(String displayPath, int line, String message) {}

  private Workspace(
      JavaParser parser, Path base, List<Source> files, List<Path> roots, List<Path> classpath) {
    this.parser = parser;
    this.classpath = classpath;
    this.roots = roots;
    this.base = base;
    this.files = files;
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
    Path absBase = base.toAbsolutePath().normalize();
    List<Source> read = new ArrayList<>();
    Set<Path> roots = new LinkedHashSet<>();
    for (Path f : files) {
      SourceFile sf;
      try {
        sf = SourceFile.read(f);
      } catch (IOException e) {
        throw new WorkspaceException(e.getMessage());
      }
      read.add(new Source(sf, display(absBase, sf.path())));
      roots.add(sourceRoot(f, PackageScan.packageOf(sf.text()).orElse(null)));
    }
    return new Workspace(
        new JavaParser(configuration()),
        absBase,
        List.copyOf(read),
        List.copyOf(roots),
        List.copyOf(classpath));
  }

  /**
   * Parses one file for its turn, its tokens dropped; empty when it does not parse, and then the
   * file is added to {@link #skipped()} with JavaParser's first problem. Call it once per file, in
   * the order of {@link #files()}, so the skipped files are listed by path.
   */
  public Optional<Unit> parse(Source source) {
    ParseResult<CompilationUnit> r = parser.parse(source.file().text());
    if (r.isSuccessful() && r.getResult().isPresent()) {
      CompilationUnit cu = r.getResult().get();
      dropTokens(cu);
      if (source.file().text().contains("\\u")) {
        decodeNames(cu);
      }
      cu.setData(SOURCE, source.file());
      return Optional.of(new Unit(source.file(), cu, source.displayPath()));
    }
    com.github.javaparser.Problem first = r.getProblems().get(0);
    int line =
        first.getLocation().flatMap(l -> l.getBegin().getRange()).map(x -> x.begin.line).orElse(0);
    skipped.add(
        new Problem(source.displayPath(), line, first.getMessage().lines().findFirst().orElse("")));
    return Optional.empty();
  }

  /**
   * The file the tree of {@code node} was parsed from by {@link #parse}; null for a node of any
   * other tree (a template's).
   */
  public static SourceFile sourceOf(Node node) {
    return node.findCompilationUnit()
        .filter(cu -> cu.containsData(SOURCE))
        .map(cu -> cu.getData(SOURCE))
        .orElse(null);
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

  /**
   * Gives every name of the tree as javac reads it. JavaParser keeps a name's Unicode escapes
   * ({@code xs.\u0073ize()} has the name {@code \u0073ize}), so matching and the sites left, which
   * compare names with the templates' and javac's, would neither rewrite nor list such a site.
   * Ranges stay those of the text as written, and rewriting cuts code from that text, so the file's
   * spelling is kept wherever migrate does not rewrite.
   */
  private static void decodeNames(CompilationUnit cu) {
    for (SimpleName n : cu.findAll(SimpleName.class)) {
      n.setIdentifier(UnicodeEscapes.decode(n.getIdentifier()));
    }
    for (Name n : cu.findAll(Name.class)) {
      n.setIdentifier(UnicodeEscapes.decode(n.getIdentifier()));
    }
    for (MethodReferenceExpr r : cu.findAll(MethodReferenceExpr.class)) {
      r.setIdentifier(UnicodeEscapes.decode(r.getIdentifier()));
    }
  }

  private static ParserConfiguration configuration() {
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
        .setTabSize(1);
  }

  private static Path sourceRoot(Path file, String packageName) {
    Path dir = file.getParent();
    if (packageName == null) {
      return dir;
    }
    String[] segments = packageName.split("\\.");
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

  /** The analysed files, read and not parsed, sorted by path. */
  public List<Source> files() {
    return files;
  }

  /** The source roots of the analysed files (derived from their package declarations). */
  public List<Path> sourceRoots() {
    return roots;
  }

  /** The {@code --classpath} entries the workspace was loaded with. */
  public List<Path> classpath() {
    return classpath;
  }

  /** Files that did not parse ({@link #parse}d so far), sorted by path. */
  public List<Problem> skipped() {
    return List.copyOf(skipped);
  }
}
