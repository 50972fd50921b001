package dev.lockkit.refactor.move.model;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.refactor.edit.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every Java file under the given paths, parsed once, plus an index of the declared types.
 *
 * <p>Source roots are found with the analyzer's {@link InputScanner}, so {@code move} and {@code
 * analyze} agree on what a PATH means. Files that do not parse are kept (with the parser's
 * message): a move that must edit one is refused, and one that merely might reference a moved
 * element is reported, because references in it cannot be found.
 */
public final class JavaProject {

  private final Map<Path, ParsedFile> files = new TreeMap<>();
  private final Map<String, TypeInfo> types = new TreeMap<>();
  private final Map<TypeDeclaration<?>, TypeInfo> byDecl = new IdentityHashMap<>();
  private final List<SourceRoot> roots;
  private final Map<ParsedFile, FileScope> scopes = new IdentityHashMap<>();
  private final Map<TypeInfo, List<TypeInfo>> supertypes = new java.util.HashMap<>();

  private JavaProject(List<SourceRoot> roots) {
    this.roots = roots;
  }

  /**
   * Parses every Java file under {@code paths}, on one thread per available processor (files are
   * independent; the parse is most of a what-if's time on a large tree). The result does not depend
   * on the thread count: files are indexed in path order after parsing.
   */
  public static JavaProject load(List<Path> paths) throws InputException {
    JavaProject p = new JavaProject(InputScanner.scan(paths));
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> all = new ArrayList<>();
    List<Path> rootOf = new ArrayList<>();
    for (SourceRoot root : p.roots) {
      for (Path f : InputScanner.javaFiles(root.root())) {
        all.add(f);
        rootOf.add(root.root());
      }
    }
    ThreadLocal<JavaParser> parsers =
        ThreadLocal.withInitial(
            () -> {
              ParserConfiguration cfg =
                  new ParserConfiguration()
                      .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
              cfg.setTabSize(1);
              return new JavaParser(cfg);
            });
    int threads = Math.max(1, Math.min(all.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ParsedFile>> parsed = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Path f = all.get(i);
        Path root = rootOf.get(i);
        parsed.add(pool.submit(() -> parse(parsers.get(), f, root, cwd)));
      }
      for (Future<ParsedFile> fut : parsed) {
        ParsedFile pf = fut.get();
        p.files.put(pf.source().path(), pf);
        if (pf.parsed()) {
          p.index(pf);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw new IllegalStateException("internal error while parsing", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return p;
  }

  private static ParsedFile parse(JavaParser parser, Path f, Path root, Path cwd)
      throws InputException {
    Path abs = f.toAbsolutePath().normalize();
    SourceFile src;
    try {
      src = SourceFile.read(abs);
    } catch (IOException e) {
      throw new InputException(e.getMessage(), e);
    }
    String display = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    ParseResult<CompilationUnit> r = parser.parse(src.text());
    if (r.isSuccessful() && r.getResult().isPresent()) {
      return new ParsedFile(src, root, display, r.getResult().get(), null);
    }
    String why = r.getProblems().isEmpty() ? "parse error" : r.getProblem(0).getMessage();
    return new ParsedFile(src, root, display, null, why.lines().findFirst().orElse(why));
  }

  private void index(ParsedFile pf) {
    String pkg = pf.packageName();
    for (TypeDeclaration<?> t : pf.cu().getTypes()) {
      index(pf, t, pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString(), null);
    }
  }

  private void index(ParsedFile pf, TypeDeclaration<?> t, String fqn, TypeInfo outer) {
    TypeInfo info = new TypeInfo(fqn, pf, t, outer);
    types.putIfAbsent(fqn, info);
    byDecl.put(t, info);
    for (BodyDeclaration<?> m : t.getMembers()) {
      if (m instanceof TypeDeclaration<?> nested) {
        index(pf, nested, fqn + "." + nested.getNameAsString(), info);
      }
    }
  }

  public Collection<ParsedFile> files() {
    return files.values();
  }

  public ParsedFile file(Path p) {
    return files.get(p.toAbsolutePath().normalize());
  }

  /** The type with this dotted name ({@code pkg.Outer.Inner}), or null. */
  public TypeInfo type(String fqn) {
    return types.get(fqn);
  }

  public Collection<TypeInfo> types() {
    return types.values();
  }

  /** True if some project type lives in package {@code pkg}. */
  public boolean hasPackage(String pkg) {
    for (TypeInfo t : types.values()) {
      if (t.packageName().equals(pkg)) {
        return true;
      }
    }
    return false;
  }

  /** The type info for a declaration node of this project. */
  public TypeInfo typeOf(TypeDeclaration<?> decl) {
    return byDecl.get(decl);
  }

  /** The (cached) name-resolution scope of a parsed file. */
  public FileScope scope(ParsedFile f) {
    return scopes.computeIfAbsent(f, k -> new FileScope(this, k));
  }

  /** Cache of resolved project supertypes, filled by {@link FileScope#supertypes}. */
  Map<TypeInfo, List<TypeInfo>> supertypeCache() {
    return supertypes;
  }

  public List<ParsedFile> unparsed() {
    List<ParsedFile> out = new ArrayList<>();
    for (ParsedFile f : files.values()) {
      if (!f.parsed()) {
        out.add(f);
      }
    }
    return out;
  }
}
