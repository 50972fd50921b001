package dev.lockkit.analyzer.variants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import spoon.Launcher;
import spoon.reflect.CtModel;
import spoon.reflect.cu.SourcePosition;
import spoon.reflect.declaration.CtCompilationUnit;
import spoon.reflect.declaration.CtImport;
import spoon.reflect.declaration.CtPackage;
import spoon.reflect.declaration.CtType;
import spoon.reflect.visitor.DefaultJavaPrettyPrinter;

/**
 * Materialises build variants of a source tree and compiles them: the product-based check that
 * backs the family-based gating analysis.
 *
 * <p><b>Implementation overview.</b> The Spoon model is built once (noclasspath mode, so a tree
 * whose variants do not all compile can still be read). Each variant works on deep copies of the
 * top-level types ({@link Materialiser} deletes, folds and drops on the copy), prints each copy as
 * its own compilation unit with Spoon's printer, names as written, under the file's original
 * package and imports minus the imports of elements the variant deleted and compiles the printed sources in memory. Variants that
 * print to identical sources share one compilation, which matters when options do not touch the
 * code. Reported error lines refer to the printed variant, whose text {@link #materialise}
 * returns.
 */
public final class VariantBuilder {
  /** How many compiler errors a result keeps. */
  public static final int ERROR_LIMIT = 5;

  private final CtModel model;
  private final Launcher launcher;
  private final InMemoryCompiler compiler;
  private final Map<Map<String, String>, InMemoryCompiler.Outcome> cache = new HashMap<>();

  /** One variant's outcome: its configuration, whether it compiled, and the first errors. */
  public record Result(SortedMap<String, Boolean> config, boolean compiles, List<String> errors) {
    public Result {
      config = new TreeMap<>(config);
      errors = List.copyOf(errors);
    }
  }

  /** Reads every {@code .java} file under {@code sourceRoots}, compiling against nothing but the JDK. */
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
   * The sources of the variant {@code config} (symbols it does not mention are off), keyed by
   * {@code package/path/Type.java}, in path order.
   */
  public SortedMap<String, String> materialise(Map<String, Boolean> config) {
    Materialiser m = new Materialiser(config, launcher.getFactory());
    SortedMap<String, String> out = new TreeMap<>();
    List<CtType<?>> types = new ArrayList<>(model.getAllTypes());
    for (CtType<?> type : types) {
      if (!type.isTopLevel() || !m.present(type)) {
        continue;
      }
      CtType<?> copy = type.clone();
      copy.setParent(type.getParent());
      m.apply(copy);
      DefaultJavaPrettyPrinter printer = new DefaultJavaPrettyPrinter(launcher.getEnvironment());
      // No preprocessors: names stay as written (the fully-qualifying preprocessor misprints
      // blank-final assignments and inherited fields), so the original imports are needed.
      printer.setPreprocessors(List.of());
      printer.setIgnoreImplicit(false);
      String path = type.getQualifiedName().replace('.', '/') + ".java";
      out.put(path, header(type, m) + printer.printElement(copy) + "\n");
    }
    return out;
  }

  /**
   * The package declaration and the original imports of {@code type}'s file, without the imports
   * of project elements this variant deletes.
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
      sb.append(source, p.getSourceStart(), p.getSourceEnd() + 1).append('\n');
    }
    return sb.append('\n').toString();
  }

  /** Materialises and compiles {@code config}. */
  public Result build(SortedMap<String, Boolean> config) {
    SortedMap<String, String> sources = materialise(config);
    InMemoryCompiler.Outcome o = cache.computeIfAbsent(sources, s -> compiler.compile(s, ERROR_LIMIT));
    return new Result(config, o.success(), o.errors());
  }

  /** Builds every configuration, in the given order. */
  public List<Result> buildAll(List<SortedMap<String, Boolean>> configs) {
    List<Result> out = new ArrayList<>();
    for (SortedMap<String, Boolean> c : configs) {
      out.add(build(c));
    }
    return out;
  }
}
