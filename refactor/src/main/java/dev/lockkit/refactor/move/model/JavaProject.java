package dev.lockkit.refactor.move.model;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.validator.postprocessors.Java17PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.source.PackageScan;
import dev.lockkit.refactor.source.UnicodeEscapes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every Java file under the given paths, parsed once, plus an index of the declared types.
 *
 * <p>A what-if on a large tree must not parse what it cannot touch: {@link #load(List, Set)} parses
 * up front only the files whose text contains one of the given names (every reference to a moved
 * member or type spells its name), and defers the others. A deferred file is parsed when something
 * asks for a type it may declare (its package declaration read exactly, as javac reads it, with
 * {@link PackageScan}; then, when a lookup in that package comes, a textual scan of its type
 * keywords, which may over-approximate but never misses a declaration written without Unicode
 * escapes) or for the file itself, so every lookup answers as if everything had been parsed.
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

  /**
   * Files not parsed yet, by path and by the package they declare; the names of the types a
   * deferred file may declare are scanned only when a lookup in its package needs them.
   */
  private final Map<Path, Deferred> deferred = new TreeMap<>();

  private final Map<String, List<Deferred>> deferredByPackage = new HashMap<>();
  private JavaParser lazyParser;

  private static final class Deferred {
    final Path file;
    final Path root;
    Set<String> typeNames; // null until scanned

    Deferred(Path file, Path root) {
      this.file = file;
      this.root = root;
    }

    /** The names after a type keyword in the file's text ({@link #declaredNames}), once. */
    Set<String> typeNames() {
      if (typeNames == null) {
        try {
          typeNames = declaredNames(SourceFile.read(file).text());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return typeNames;
    }
  }

  private static final String[] TYPE_KEYWORDS = {"class", "interface", "enum", "record"};

  private JavaProject(List<SourceRoot> roots) {
    this.roots = roots;
  }

  /**
   * Parses every Java file under {@code paths}, on one thread per available processor (files are
   * independent; the parse is most of a what-if's time on a large tree). The result does not depend
   * on the thread count: files are indexed in path order after parsing.
   */
  public static JavaProject load(List<Path> paths) throws InputException {
    return load(paths, null);
  }

  /**
   * Like {@link #load(List)}, but parses up front only files whose text contains one of {@code
   * names} (all files when null); the others are parsed on demand.
   */
  public static JavaProject load(List<Path> paths, Set<String> names) throws InputException {
    JavaProject p = new JavaProject(InputScanner.scan(paths));
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> all = new ArrayList<>();
    List<Path> rootOf = new ArrayList<>();
    for (SourceRoot root : p.roots) {
      for (Path f : InputScanner.javaFiles(root.root())) {
        if (names != null && p.defer(f, root.root(), names)) {
          continue;
        }
        all.add(f);
        rootOf.add(root.root());
      }
    }
    ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(JavaProject::parser);
    p.lazyParser = parser();
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

  /**
   * JavaParser as the analyzer configures it (no validators, no comment attribution: javac, not
   * JavaParser, judges what is valid Java, and the comments are read from the parser's collection),
   * plus Java 10's post-processing, so a {@code var} is a {@code VarType}, not a type named {@code
   * var}. The validators walk every tree once per rule: on jackson-databind's 19 files that call a
   * {@code nameOf}, 0.35-0.4 s of CPU in a fresh JVM, most of the move's parse.
   */
  private static JavaParser parser() {
    ParserConfiguration cfg =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false)
            .setDetectOriginalLineSeparator(false);
    cfg.getProcessors().clear();
    PostProcessors var = new Java17PostProcessor();
    cfg.getProcessors()
        .add(
            () ->
                new Processor() {
                  @Override
                  public void postProcess(
                      ParseResult<? extends com.github.javaparser.ast.Node> result,
                      ParserConfiguration configuration) {
                    var.postProcess(result, configuration);
                  }
                });
    cfg.setTabSize(1);
    return new JavaParser(cfg);
  }

  /** Defers {@code f} if its text names none of {@code names}; true if deferred. */
  private boolean defer(Path f, Path root, Set<String> names) throws InputException {
    String text;
    try {
      text = SourceFile.read(f.toAbsolutePath().normalize()).text();
    } catch (IOException e) {
      throw new InputException(e.getMessage(), e);
    }
    // A name may be spelled with Unicode escapes (\u0066 for f), which javac reads as the letter:
    // such a file is read up front too, so a reference in it is found or the file is reported.
    String decoded = text.indexOf("\\u") >= 0 ? UnicodeEscapes.decode(text) : text;
    for (String n : names) {
      if (text.contains(n) || decoded.contains(n)) {
        return false;
      }
    }
    // The package as javac reads the declaration (a line in a comment or a text block that starts
    // with "package" is none); the types the file may declare are scanned when a lookup in that
    // package needs them, which on a large tree is rarely more than the destination's package.
    String pkg = PackageScan.packageOf(decoded).orElse("");
    Deferred d = new Deferred(f.toAbsolutePath().normalize(), root);
    deferred.put(d.file, d);
    deferredByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(d);
    return true;
  }

  /**
   * Every identifier that follows {@code class}, {@code interface}, {@code enum} or {@code record}
   * and whitespace, the keyword not preceded by a letter, digit or underscore: a superset of the
   * types a file declares (written without Unicode escapes or a comment between keyword and name).
   */
  static Set<String> declaredNames(String text) {
    Set<String> out = new HashSet<>();
    int n = text.length();
    for (String kw : TYPE_KEYWORDS) {
      for (int at = text.indexOf(kw); at >= 0; at = text.indexOf(kw, at + kw.length())) {
        if (at > 0) {
          char before = text.charAt(at - 1);
          if (Character.isLetterOrDigit(before) || before == '_') {
            continue;
          }
        }
        int i = at + kw.length();
        int ws = i;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i == ws || i >= n || !isNameStart(text.charAt(i))) {
          continue;
        }
        int j = i + 1;
        while (j < n && isNamePart(text.charAt(j))) {
          j++;
        }
        out.add(text.substring(i, j));
      }
    }
    return out;
  }

  private static boolean isNameStart(char c) {
    return Character.isJavaIdentifierStart(c);
  }

  private static boolean isNamePart(char c) {
    return Character.isJavaIdentifierPart(c);
  }

  /** Parses a deferred file now and indexes its types. */
  private void parseDeferred(Deferred d) {
    if (deferred.remove(d.file) == null) {
      return;
    }
    ParsedFile pf;
    try {
      pf = parse(lazyParser, d.file, d.root, Path.of("").toAbsolutePath());
    } catch (InputException e) {
      throw new java.io.UncheckedIOException(new IOException(e.getMessage(), e));
    }
    files.put(d.file, pf);
    if (pf.parsed()) {
      index(pf);
    }
  }

  /**
   * Parses the deferred files that may declare {@code fqn} (or a type enclosing it): for each way
   * of reading it as a package and a type in it ({@code a.b.C.D}: {@code C} in {@code a.b}, {@code
   * D} in {@code a.b.C}, ...), the files of that package whose text has that name after a type
   * keyword.
   */
  private boolean parseDeferredFor(String fqn) {
    boolean any = false;
    for (int dot = -1; ; dot = fqn.indexOf('.', dot + 1)) {
      String pkg = dot < 0 ? "" : fqn.substring(0, dot);
      int next = fqn.indexOf('.', dot + 1);
      String top = fqn.substring(dot + 1, next < 0 ? fqn.length() : next);
      for (Deferred d : deferredByPackage.getOrDefault(pkg, List.of())) {
        if (deferred.containsKey(d.file) && d.typeNames().contains(top)) {
          parseDeferred(d);
          any = true;
        }
      }
      if (next < 0) {
        return any;
      }
    }
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
      List<Comment> comments =
          r.getCommentsCollection().map(c -> List.copyOf(c.getComments())).orElse(List.of());
      return new ParsedFile(src, root, display, r.getResult().get(), null, comments);
    }
    String why = "parse error";
    if (!r.getProblems().isEmpty()) {
      com.github.javaparser.Problem p = r.getProblem(0);
      String first = p.getMessage().lines().findFirst().orElse(p.getMessage());
      // The position leads, as in javac's messages, so the user can go straight to it.
      why =
          p.getLocation()
              .flatMap(com.github.javaparser.TokenRange::toRange)
              .map(rg -> "line " + rg.begin.line + ":" + rg.begin.column + ": " + first)
              .orElse(first);
    }
    return new ParsedFile(src, root, display, null, why, List.of());
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

  /**
   * The files read so far, in path order: with deferred loading, those that name a moved element
   * plus those parsed on demand (a deferred file names none, so it holds no reference to one).
   */
  public Collection<ParsedFile> files() {
    return List.copyOf(files.values());
  }

  public ParsedFile file(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Deferred d = deferred.get(abs);
    if (d != null) {
      parseDeferred(d);
    }
    return files.get(abs);
  }

  /** The type with this dotted name ({@code pkg.Outer.Inner}), or null. */
  public TypeInfo type(String fqn) {
    TypeInfo t = types.get(fqn);
    if (t == null && !deferred.isEmpty() && parseDeferredFor(fqn)) {
      t = types.get(fqn);
    }
    return t;
  }

  /** Every type (parses every deferred file: for messages, not for the common path). */
  public Collection<TypeInfo> types() {
    for (Deferred d : List.copyOf(deferred.values())) {
      parseDeferred(d);
    }
    deferredByPackage.clear();
    return types.values();
  }

  /** True if some project type lives in package {@code pkg}. */
  public boolean hasPackage(String pkg) {
    for (Deferred d : deferredByPackage.getOrDefault(pkg, List.of())) {
      if (deferred.containsKey(d.file) && !d.typeNames().isEmpty()) {
        return true;
      }
    }
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
