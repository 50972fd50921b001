package dev.lockkit.analyzer.variants;

import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.analyzer.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import spoon.Launcher;
import spoon.reflect.CtModel;
import spoon.reflect.code.CtInvocation;
import spoon.reflect.cu.SourcePosition;
import spoon.reflect.declaration.CtAnnotation;
import spoon.reflect.declaration.CtCompilationUnit;
import spoon.reflect.declaration.CtImport;
import spoon.reflect.declaration.CtPackage;
import spoon.reflect.declaration.CtType;
import spoon.reflect.visitor.filter.TypeFilter;

/**
 * Materialises build variants of a source tree and compiles them: the product-based check that
 * backs the family-based gating analysis.
 *
 * <p><b>Implementation overview.</b> The Spoon model is built once (noclasspath mode, so a tree
 * whose variants do not all compile can still be read). Each variant works on deep copies of the
 * top-level types ({@link Materialiser} deletes, folds and drops on the copy), prints each copy as
 * its own compilation unit with Spoon's printer, names as written, under the file's original
 * package and imports minus the imports of elements the variant deleted and compiles the printed
 * sources in memory. Variants that print to identical sources share one compilation, which matters
 * when options do not touch the code. The printer records, for each statement and member it prints,
 * the line it came from, so compiler errors are reported at the original file and line ({@link
 * SourceLines}), not at the line of the printed variant that {@link #materialise} returns.
 */
public final class VariantBuilder {
  /** How many compiler errors a result keeps. */
  public static final int ERROR_LIMIT = 5;

  private final CtModel model;
  private final Launcher launcher;
  private final InMemoryCompiler compiler;
  private final Map<Map<String, String>, InMemoryCompiler.Outcome> cache =
      new ConcurrentHashMap<>();
  private final Map<String, SortedSet<String>> symbols = new HashMap<>();
  private Guards guards = Guards.defaults();
  private final Map<String, Map<SortedMap<String, Boolean>, String>> bodies = new HashMap<>();

  /** Where each printed file came from, keyed by its full text (see {@link SourceLines}). */
  private final Map<String, SourceLines.Origin> origins = new ConcurrentHashMap<>();

  private final Map<String, SourceLines.Origin> bodyOrigins = new HashMap<>();

  /**
   * One variant's outcome: its configuration, whether it compiled, and the first errors, each as
   * {@code path:line: message} in the original source file (path relative to the working directory
   * when inside it), so an error points where the user edits; an error on a line the printer added
   * keeps the printed variant's path and line, marked {@code (materialised variant)}.
   */
  public record Result(SortedMap<String, Boolean> config, boolean compiles, List<String> errors) {
    public Result {
      config = new TreeMap<>(config);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads every {@code .java} file under {@code sourceRoots}, compiling against nothing but the
   * JDK.
   */
  public VariantBuilder(List<Path> sourceRoots) {
    this(sourceRoots, List.of());
  }

  /**
   * Reads every {@code .java} file under {@code sourceRoots}; variants compile against {@code
   * classpath}.
   *
   * @throws IllegalArgumentException if a root is not a directory
   */
  public VariantBuilder(List<Path> sourceRoots, List<String> classpath) {
    launcher = new Launcher();
    launcher.getEnvironment().setNoClasspath(true);
    launcher.getEnvironment().setComplianceLevel(17);
    launcher.getEnvironment().setAutoImports(false);
    launcher.getEnvironment().setCommentEnabled(false);
    launcher.getEnvironment().setIgnoreDuplicateDeclarations(true);
    launcher.getEnvironment().setLevel("OFF");
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("source root " + root + " is not a directory");
      }
      launcher.addInputResource(root.toString());
    }
    model = launcher.buildModel();
    compiler = new InMemoryCompiler(classpath);
  }

  /**
   * Recognises these condition annotations and guard methods (default: lockcore's, {@link
   * Guards#defaults()}); the same the gating analysis is given, e.g. a rules file's.
   */
  public VariantBuilder guards(Guards guards) {
    this.guards = guards;
    this.symbols.clear();
    this.bodies.clear();
    this.cache.clear();
    return this;
  }

  /**
   * The sources of the variant {@code config} (symbols it does not mention are off), keyed by
   * {@code package/path/Type.java}, in path order.
   */
  public SortedMap<String, String> materialise(Map<String, Boolean> config) {
    Materialiser m = new Materialiser(config, launcher.getFactory(), guards);
    SortedMap<String, String> out = new TreeMap<>();
    for (CtType<?> type : model.getAllTypes()) {
      if (!type.isTopLevel() || !m.present(type)) {
        continue;
      }
      // A type's body depends only on the options its own conditions name.
      SortedMap<String, Boolean> projection = new TreeMap<>();
      for (String s : symbolsOf(type)) {
        projection.put(s, config.getOrDefault(s, false));
      }
      String body =
          bodies
              .computeIfAbsent(type.getQualifiedName(), k -> new HashMap<>())
              .computeIfAbsent(projection, p -> print(type, m));
      String path = type.getQualifiedName().replace('.', '/') + ".java";
      String header = header(type, m);
      String text = header + body;
      out.put(path, text);
      SourceLines.Origin origin = bodyOrigins.get(body);
      if (origin != null) {
        origins.putIfAbsent(text, origin.shiftedBy(SourceLines.lineCount(header)));
      }
    }
    return out;
  }

  private String print(CtType<?> type, Materialiser m) {
    CtType<?> copy = type.clone();
    copy.setParent(type.getParent());
    m.apply(copy);
    SourceLines.Printer printer = new SourceLines.Printer(launcher.getEnvironment());
    // No preprocessors and implicit elements kept implicit: names print as written (the
    // fully-qualifying preprocessor misprints blank-final assignments and inherited fields), so
    // the file's original imports go in front.
    printer.setPreprocessors(List.of());
    printer.setIgnoreImplicit(false);
    String body = printer.printElement(copy) + "\n";
    SourceLines.Origin origin = printer.origin(type);
    if (origin != null) {
      bodyOrigins.putIfAbsent(body, origin);
    }
    return body;
  }

  /** The options named by {@code @IfConfig} and {@code isEnabled} anywhere in {@code type}. */
  private SortedSet<String> symbolsOf(CtType<?> type) {
    return symbols.computeIfAbsent(
        type.getQualifiedName(),
        k -> {
          SortedSet<String> out = new TreeSet<>();
          for (CtAnnotation<?> a : type.getElements(new TypeFilter<>(CtAnnotation.class))) {
            if (Materialiser.isCondition(a, guards)
                && a.getValueAsObject("value") instanceof String text) {
              try {
                out.addAll(ExprParser.parse(text, ExprParser.Dialect.ANNOTATION).expr().symbols());
              } catch (ExprSyntaxException e) {
                // kept unconditionally by the materialiser; names nothing
              }
            }
          }
          for (CtInvocation<?> call : type.getElements(new TypeFilter<>(CtInvocation.class))) {
            Materialiser.option(call, guards).ifPresent(out::add);
          }
          return out;
        });
  }

  /**
   * The package declaration and the original imports of {@code type}'s file, without the imports of
   * project elements this variant deletes.
   */
  private static String header(CtType<?> type, Materialiser m) {
    StringBuilder sb = new StringBuilder();
    CtPackage pkg = type.getPackage();
    if (pkg != null && !pkg.isUnnamedPackage()) {
      sb.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
    }
    CtCompilationUnit cu = type.getPosition().getCompilationUnit();
    if (cu == null) {
      return sb.toString();
    }
    String source = cu.getOriginalSourceCode();
    for (CtImport imp : cu.getImports()) {
      if (imp.isImplicit() || !imp.getPosition().isValidPosition() || !m.importSurvives(imp)) {
        continue;
      }
      SourcePosition p = imp.getPosition();
      // Spoon reads the original text lazily; if the file changed on disk since the model was
      // built the positions no longer fit, and Spoon's own rendering of the import is used.
      boolean fits =
          source != null && p.getSourceStart() >= 0 && p.getSourceEnd() < source.length();
      String text =
          fits ? source.substring(p.getSourceStart(), p.getSourceEnd() + 1) : imp.toString();
      sb.append(text.endsWith(";") ? text : text + ";").append('\n');
    }
    return sb.append('\n').toString();
  }

  /** Materialises and compiles {@code config}. */
  public Result build(SortedMap<String, Boolean> config) {
    SortedMap<String, String> sources = materialise(config);
    InMemoryCompiler.Outcome o =
        cache.computeIfAbsent(sources, s -> compiler.compile(s, ERROR_LIMIT));
    return new Result(config, o.success(), original(sources, o.errors()));
  }

  /** Compiler errors of a printed variant, located in the original files (see {@link Result}). */
  private List<String> original(SortedMap<String, String> sources, List<String> errors) {
    return errors.stream().map(e -> SourceLines.map(e, sources, origins)).toList();
  }

  /**
   * Builds every configuration; results in the given order. Materialisation is sequential (the
   * Spoon model is not thread-safe); the distinct source sets then compile in parallel, one
   * compiler task per available processor.
   */
  public List<Result> buildAll(List<SortedMap<String, Boolean>> configs) {
    return buildAll(configs, Progress.NONE);
  }

  /** As {@link #buildAll(List)}, showing materialisation and compilation on {@code progress}. */
  public List<Result> buildAll(List<SortedMap<String, Boolean>> configs, Progress progress) {
    List<SortedMap<String, String>> sources = new ArrayList<>();
    for (SortedMap<String, Boolean> c : configs) {
      sources.add(materialise(c));
      progress.update("materialising variants", sources.size(), configs.size());
    }
    List<SortedMap<String, String>> distinct =
        sources.stream().distinct().filter(s -> !cache.containsKey(s)).toList();
    int threads =
        Math.max(1, Math.min(distinct.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<InMemoryCompiler.Outcome>> futures = new ArrayList<>();
      for (SortedMap<String, String> s : distinct) {
        futures.add(pool.submit(() -> compiler.compile(s, ERROR_LIMIT)));
      }
      for (int i = 0; i < distinct.size(); i++) {
        cache.put(distinct.get(i), futures.get(i).get());
        progress.update("compiling variants", i + 1, distinct.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling variants", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("compiling a variant failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      InMemoryCompiler.Outcome o = cache.get(sources.get(i));
      out.add(new Result(configs.get(i), o.success(), original(sources.get(i), o.errors())));
    }
    return out;
  }
}
