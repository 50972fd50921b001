package dev.lockkit.analyzer.variants;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a project's JUnit 5 tests on one build variant: the variant's sources are compiled to a
 * scratch directory, the project's test sources are compiled against them, and the JUnit Platform
 * Launcher (lockkit's own, pinned with the Jupiter engine) runs every test class found. A test
 * source that does not compile in the variant (it uses code the variant cuts) is reported as such,
 * and the others still run: that is what a variant matrix asks of a test suite.
 *
 * <p>The tests run in this JVM, in a class loader that sees the variant's classes, the test classes
 * and the given class path, and takes only JUnit's own packages ({@code org.junit}, {@code
 * org.opentest4j}, {@code org.apiguardian}) from lockkit, so the engine and the tests agree on the
 * annotations. Scratch files are deleted afterwards.
 */
public final class VariantTests {
  /** JUnit's packages: loaded from lockkit's class loader, so engine and tests share them. */
  private static final List<String> SHARED =
      List.of("org.junit.", "org.opentest4j.", "org.apiguardian.");

  private final List<Path> testRoots;
  private final List<String> classpath;

  /**
   * @param testRoots directories of test sources ({@code src/test/java})
   * @param classpath what the project and its tests depend on (jars or class directories)
   */
  public VariantTests(List<Path> testRoots, List<String> classpath) {
    this.testRoots = List.copyOf(testRoots);
    this.classpath = List.copyOf(classpath);
  }

  /**
   * What the tests did on one variant.
   *
   * @param run tests that ran
   * @param failed {@code Class#method: message} of each failed or aborted test, in order
   * @param notCompiled {@code path: first error} of each test source that does not compile here
   */
  public record Outcome(int run, List<String> failed, List<String> notCompiled) {
    public Outcome {
      failed = List.copyOf(failed);
      notCompiled = List.copyOf(notCompiled);
    }

    /** True when every test compiled and passed. */
    public boolean ok() {
      return failed.isEmpty() && notCompiled.isEmpty();
    }
  }

  /** Compiles {@code variantSources} ({@code pkg/Type.java} to text) and runs the tests on it. */
  public Outcome run(SortedMap<String, String> variantSources) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("lockkit-variant-tests-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path main = Files.createDirectories(scratch.resolve("main"));
      Path src = scratch.resolve("src");
      List<Path> mainFiles = new ArrayList<>();
      for (Map.Entry<String, String> e : variantSources.entrySet()) {
        Path f = src.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        mainFiles.add(f);
      }
      List<String> cp = new ArrayList<>(classpath);
      Map<Path, String> mainErrors = compile(mainFiles, main, cp);
      if (!mainErrors.isEmpty()) {
        return new Outcome(0, List.of(), List.of("the variant itself does not compile"));
      }
      Path tests = Files.createDirectories(scratch.resolve("test"));
      List<Path> testFiles = testSources();
      List<String> testCp = new ArrayList<>();
      testCp.add(main.toString());
      testCp.addAll(classpath);
      testCp.add(junitApiLocation());
      // A test file that does not compile in this variant is set aside with its first error, and
      // the rest are compiled again, until what is left compiles.
      List<String> notCompiled = new ArrayList<>();
      List<Path> left = new ArrayList<>(testFiles);
      while (!left.isEmpty()) {
        Map<Path, String> errors = compile(left, tests, testCp);
        if (errors.isEmpty()) {
          break;
        }
        int before = left.size();
        for (Map.Entry<Path, String> e : new TreeMap<>(errors).entrySet()) {
          if (left.remove(e.getKey())) {
            notCompiled.add(display(e.getKey()) + ": " + e.getValue());
          }
        }
        if (left.size() == before) { // an error javac placed in no test file: none can run
          errors.forEach((f, m) -> notCompiled.add(display(f) + ": " + m));
          left.clear();
        }
        clean(tests);
        Files.createDirectories(tests);
      }
      if (left.isEmpty()) {
        return new Outcome(0, List.of(), notCompiled);
      }
      return execute(tests, main, notCompiled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      clean(scratch);
    }
  }

  private Outcome execute(Path tests, Path main, List<String> notCompiled) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(url(tests));
    urls.add(url(main));
    for (String c : classpath) {
      if (!c.isEmpty()) {
        urls.add(url(Path.of(c)));
      }
    }
    ClassLoader lockkit = VariantTests.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            for (String p : SHARED) {
              if (name.startsWith(p)) {
                return lockkit.loadClass(name);
              }
            }
            return super.loadClass(name, resolve);
          }
        }) {
      thread.setContextClassLoader(loader);
      Launcher launcher =
          LauncherFactory.create(
              LauncherConfig.builder()
                  .enableTestEngineAutoRegistration(false)
                  .enableLauncherSessionListenerAutoRegistration(false)
                  .enableLauncherDiscoveryListenerAutoRegistration(false)
                  .enablePostDiscoveryFilterAutoRegistration(false)
                  .enableTestExecutionListenerAutoRegistration(false)
                  .addTestEngines(new JupiterTestEngine())
                  .build());
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(tests)))
              .build();
      Collector collector = new Collector();
      launcher.execute(request, collector);
      return new Outcome(collector.run, collector.failed(), notCompiled);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** Collects finished tests and the failures among them, sorted for a deterministic report. */
  private static final class Collector implements TestExecutionListener {
    int run;
    final SortedMap<String, String> failures = new TreeMap<>();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (!id.isTest()) {
        return;
      }
      run++;
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        String name =
            id.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> (MethodSource) s)
                .map(m -> m.getClassName() + "#" + m.getMethodName())
                .orElse(id.getDisplayName());
        String why =
            result
                .getThrowable()
                .map(t -> t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()))
                .orElse(result.getStatus().toString());
        failures.merge(name, why, (a, b) -> a);
      }
    }

    List<String> failed() {
      List<String> out = new ArrayList<>();
      failures.forEach((k, v) -> out.add(k + ": " + v));
      return out;
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** javac into {@code out}; the first error of each file that has any. */
  private static Map<Path, String> compile(List<Path> files, Path out, List<String> cp)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime: run lockkit on a JDK");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<Path, String> errors = new TreeMap<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-proc:none",
              "-nowarn",
              "-Xlint:none",
              "--release",
              "17",
              "-d",
              out.toString(),
              "-classpath",
              String.join(File.pathSeparator, cp));
      boolean ok =
          javac
              .getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
              .call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
          Path p = Path.of(d.getSource().toUri());
          errors.putIfAbsent(
              p, "line " + d.getLineNumber() + ": " + firstLine(d.getMessage(Locale.ROOT)));
        }
      }
      if (!ok && errors.isEmpty()) {
        errors.put(files.get(0), "javac failed without a located error");
      }
    }
    return errors;
  }

  private List<Path> testSources() throws IOException {
    Set<Path> out = new TreeSet<>();
    for (Path root : testRoots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
            .map(p -> p.toAbsolutePath().normalize())
            .forEach(out::add);
      }
    }
    return new ArrayList<>(out);
  }

  private String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  /** Where lockkit's JUnit Jupiter API comes from: test sources compile against it too. */
  private static String junitApiLocation() {
    try {
      return Path.of(
              org.junit.jupiter.api.Test.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }

  private static void clean(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // scratch space: a leftover file is harmless
                }
              });
    } catch (IOException e) {
      // as above
    }
  }
}
