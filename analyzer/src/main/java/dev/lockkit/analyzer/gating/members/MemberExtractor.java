package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.validator.postprocessors.Java17PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.NestingScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Builds the member-level {@link CodeModel} of a set of source roots with JavaParser.
 *
 * <p><b>Implementation overview.</b> Two passes, each spread over a few worker threads (one
 * JavaParser with its own symbol solver per worker; results stored by file index). The first parses
 * every {@code .java} file (sorted by path, so everything downstream is deterministic) and indexes
 * the project's own names: types, method groups {@code owner#name/arity}, fields. The second walks
 * each file once ({@link Walker}), carrying the presence condition of the current position:
 * {@code @IfConfig} conjoins on entering a declaration; {@code isEnabled} guards conjoin on
 * entering a branch, the right operand of {@code &&}/{@code ||}, or the statements after an early
 * exit. References are resolved with JavaParser's symbol solver (types from the project's roots and
 * the JDK), falling back to the enclosing types and explicit type qualifiers; the pre-pass lets the
 * walker skip resolution for names the project does not declare at all, which is most of them. A
 * reference the project cannot place is outside it and is dropped. Unparsable files become {@link
 * CodeModel.Problem}s and are skipped. Anonymous classes, local classes and enum constant bodies
 * are code of the member around them, in a scope of their own: they declare nothing in the
 * enclosing type.
 */
public final class MemberExtractor {
  private MemberExtractor() {}

  /**
   * Extracts the model of every {@code .java} file under {@code sourceRoots}.
   *
   * @throws IOException if a root cannot be listed or a file cannot be read
   */
  public static CodeModel extract(List<Path> sourceRoots) throws IOException {
    return extract(sourceRoots, null);
  }

  /**
   * Like {@link #extract(List)}, with paths shown relative to {@code displayBase} when a file lies
   * below it (else absolute), as the dependency check shows them; {@code null} shows them relative
   * to their source root.
   */
  public static CodeModel extract(List<Path> sourceRoots, Path displayBase) throws IOException {
    return extract(sourceRoots, displayBase, Guards.defaults());
  }

  /**
   * Like {@link #extract(List, Path)}, recognising these condition annotations and guard methods.
   */
  public static CodeModel extract(List<Path> sourceRoots, Path displayBase, Guards guards)
      throws IOException {
    Path base = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    List<String> shownPaths = new ArrayList<>();
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        throw new IOException("source root " + root + " is not a directory");
      }
      // The same listing as the dependency front end's (symbolic links followed, loops cut), which
      // reports what could not be read; here it is simply not part of the model.
      List<Path> listed;
      try {
        listed = InputScanner.list(root).files();
      } catch (InputException e) {
        throw new IOException(e.getMessage(), e);
      }
      for (Path file :
          listed.stream()
              .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
              .toList()) {
        files.add(file);
        shownPaths.add(shown(root, file, base));
      }
    }

    // Parsing and walking are per file, so they run on a few worker threads. JavaParser's parser
    // and symbol solver are not thread-safe, so each worker has its own and walks exactly the files
    // it parsed (a syntax tree resolves names with the solver of the parser that built it).
    // Results are stored by file index, so the model is in file order whatever the scheduling.
    int n = files.size();
    Syntax.Unit[] units = new Syntax.Unit[n];
    CodeModel.Problem[] parseProblems = new CodeModel.Problem[n];
    Walker[] walkers = new Walker[n];
    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 8));
    List<ExecutorService> pool = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        pool.add(
            Executors.newSingleThreadExecutor(
                r -> {
                  // A large stack (reserved, committed only as used), as for the dependency
                  // parse: the parser and the walk recurse once per nesting level.
                  Thread t = new Thread(null, r, "lockkit-gating-extract", 256L << 20);
                  t.setDaemon(true);
                  return t;
                }));
      }
      onEachWorker(
          pool,
          w -> {
            JavaParser parser = parser(sourceRoots);
            for (int i = w; i < n; i += workers) {
              ParseResult<CompilationUnit> result;
              String text;
              try {
                // Malformed UTF-8 becomes U+FFFD, as in the dependency front end.
                text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) {
                  text = text.substring(1); // a byte-order mark, skipped as javac does
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              NestingScan.Refusal refused = NestingScan.check(text);
              if (refused != null) {
                // The dependency front end reports it (input/parse); here it is just not walked.
                parseProblems[i] =
                    new CodeModel.Problem(
                        new Location(shownPaths.get(i), refused.line(), refused.column()),
                        refused.message() + "; not analysed",
                        shownPaths.get(i),
                        true);
                continue;
              }
              result = parser.parse(text);
              if (result.isSuccessful() && result.getResult().isPresent()) {
                units[i] = new Syntax.Unit(result.getResult().get(), shownPaths.get(i));
              } else {
                parseProblems[i] = unparsable(result, shownPaths.get(i));
              }
            }
          });
      TypeIndex index = new TypeIndex();
      List<String[]> accessorTypes = new ArrayList<>(); // {accessor, record, component type}
      Map<String, Syntax.Unit> unitOf = new HashMap<>();
      for (Syntax.Unit u : units) {
        if (u == null) {
          continue;
        }
        for (TypeDeclaration<?> td : u.cu().findAll(TypeDeclaration.class)) {
          if (Syntax.isLocal(td)) {
            continue;
          }
          td.getFullyQualifiedName()
              .ifPresent(
                  fqn -> {
                    unitOf.put(fqn, u);
                    indexMembers(index, fqn, td, accessorTypes);
                  });
        }
      }
      // Component types are resolved once every type is indexed, in the record's own scope.
      for (String[] a : accessorTypes) {
        Deque<String> scope = new ArrayDeque<>();
        for (String t = a[1]; t.contains("."); t = t.substring(0, t.lastIndexOf('.'))) {
          scope.addLast(t); // the record and its enclosing types, innermost first
        }
        String type = index.resolve(a[2], unitOf.get(a[1]).cu(), scope);
        // Not a project type: the JDK's or a library's (empty marks "outside the project").
        index.accessorTypes.put(a[0], type == null ? "" : type);
      }
      onEachWorker(
          pool,
          w -> {
            for (int i = w; i < n; i += workers) {
              if (units[i] != null) {
                walkers[i] = new Walker(units[i], index, guards);
                walkers[i].run();
              }
            }
          });
    } finally {
      pool.forEach(ExecutorService::shutdownNow);
    }

    List<CodeModel.Declaration> decls = new ArrayList<>();
    List<CodeModel.Reference> refs = new ArrayList<>();
    List<CodeModel.ConditionSite> sites = new ArrayList<>();
    List<CodeModel.SymbolUse> uses = new ArrayList<>();
    List<CodeModel.Problem> problems = new ArrayList<>();
    List<CodeModel.Unresolved> unresolved = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (parseProblems[i] != null) {
        problems.add(parseProblems[i]);
      }
      Walker w = walkers[i];
      if (w == null) {
        continue;
      }
      decls.addAll(w.declarations);
      refs.addAll(w.references);
      sites.addAll(w.sites);
      uses.addAll(w.symbolUses);
      problems.addAll(w.problems);
      unresolved.addAll(w.unresolved());
    }
    return new CodeModel(decls, refs, sites, uses, problems, unresolved);
  }

  /** A parser whose symbol solver sees the project's roots and the JDK; one per thread. */
  private static JavaParser parser(List<Path> sourceRoots) {
    CombinedTypeSolver types = new CombinedTypeSolver(new ReflectionTypeSolver());
    for (Path root : sourceRoots) {
      types.add(new JavaParserTypeSolver(root));
    }
    // No comment attribution: the walk never reads comments, and attributing them to nodes is a
    // noticeable share of JavaParser's parse time. (Tokens must stay: positions come from them.)
    // No language-level validation either: its dozens of tree walks were a fifth of the parse
    // time, and they only reject code javac rejects too — the grammar is the same, so a file that
    // is not valid Java 17 still parses here, and the dependency front end (which validates)
    // reports it. Java 17's post-processing (`var` as a type) is kept: resolution needs it.
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
            .setAttributeComments(false)
            .setSymbolResolver(new JavaSymbolSolver(types));
    PostProcessors java17 = new Java17PostProcessor();
    config
        .getProcessors()
        .add(
            () ->
                new Processor() {
                  @Override
                  public void postProcess(
                      ParseResult<? extends Node> result, ParserConfiguration configuration) {
                    java17.postProcess(result, configuration);
                  }
                });
    return new JavaParser(config);
  }

  /** Runs {@code task(w)} on worker {@code w}'s own thread for every worker; waits for all. */
  private static void onEachWorker(List<ExecutorService> pool, IntConsumer task)
      throws IOException {
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < pool.size(); w++) {
      int id = w;
      done.add(pool.get(w).submit(() -> task.accept(id)));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while extracting members", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IOException(e.getCause());
      }
    }
  }

  private static CodeModel.Problem unparsable(ParseResult<CompilationUnit> result, String shown) {
    if (result.getProblems().isEmpty()) {
      return new CodeModel.Problem(Location.ofFile(shown), "does not parse", shown, true);
    }
    Problem first = result.getProblems().get(0);
    int line =
        first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
    int col =
        first
            .getLocation()
            .flatMap(l -> l.getBegin().getRange())
            .map(r -> r.begin.column)
            .orElse(0);
    return new CodeModel.Problem(
        new Location(shown, line, col),
        "does not parse: " + first.getMessage().lines().findFirst().orElse(""),
        shown,
        true);
  }

  private static String shown(Path root, Path file, Path base) {
    Path rel;
    if (base == null) {
      rel = root.relativize(file);
    } else {
      Path abs = file.toAbsolutePath().normalize();
      rel = abs.startsWith(base) ? base.relativize(abs) : abs;
    }
    return rel.toString().replace('\\', '/');
  }

  private static void indexMembers(
      TypeIndex index, String fqn, TypeDeclaration<?> td, List<String[]> accessorTypes) {
    // Only the members of td itself: getMembers() never descends into anonymous or local classes.
    index.addType(fqn);
    for (BodyDeclaration<?> member : td.getMembers()) {
      if (member instanceof MethodDeclaration m) {
        index.addMember(Syntax.target(fqn, m), m.getNameAsString(), true);
      } else if (member instanceof ConstructorDeclaration c) {
        index.addMember(Syntax.target(fqn, c), "<init>", true);
      } else if (member instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          index.addMember(fqn + "#" + v.getNameAsString(), v.getNameAsString(), false);
        }
      }
    }
    if (td instanceof RecordDeclaration r) {
      // The implicit accessors: `point.x()` calls Point#x/0 although no method declares it.
      for (Parameter p : r.getParameters()) {
        index.addMember(fqn + "#" + p.getNameAsString() + "/0", p.getNameAsString(), true);
        boolean typeVariable =
            p.getType() instanceof ClassOrInterfaceType t
                && r.getTypeParameters().stream()
                    .anyMatch(tp -> tp.getNameAsString().equals(t.getNameAsString()));
        if (p.getType() instanceof ClassOrInterfaceType t && !typeVariable) {
          accessorTypes.add(
              new String[] {fqn + "#" + p.getNameAsString() + "/0", fqn, t.getNameWithScope()});
        } else if (!typeVariable) {
          index.accessorTypes.put(fqn + "#" + p.getNameAsString() + "/0", ""); // primitive, array
        }
      }
    }
    if (td instanceof EnumDeclaration e) {
      for (EnumConstantDeclaration c : e.getEntries()) {
        index.addMember(fqn + "#" + c.getNameAsString(), c.getNameAsString(), false);
      }
    }
  }
}
