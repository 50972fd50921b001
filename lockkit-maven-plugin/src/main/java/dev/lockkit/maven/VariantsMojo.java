package dev.lockkit.maven;

import dev.lockkit.analyzer.variants.VariantsCommand;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code lockkit:variants}, as {@code lockkit variants}: the build-variant matrix of a Kconfig
 * (every valid configuration or a pairwise sample) and, with {@code compile}, every variant
 * materialised and compiled against the module's compile class path. A variant that does not
 * compile fails the build with its errors. With {@code runTests}, the module's JUnit 5 tests run on
 * every variant that compiles, as {@code --test}: a failing test, or a test source that does not
 * compile in some variant, fails the build.
 */
@Mojo(
    name = "variants",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class VariantsMojo extends LockkitMojo {

  /** The Kconfig whose valid configurations form the matrix, as {@code --kconfig}. */
  @Parameter(property = "lockkit.kconfig", defaultValue = "${project.basedir}/Kconfig")
  File kconfig;

  /**
   * Rules file declaring the project's condition annotations and guard methods ({@code
   * condition-annotation}, {@code guard-method}), as {@code --rules}: the variant builder cuts only
   * code those guard.
   */
  @Parameter(property = "lockkit.rules")
  File rules;

  /** {@code all} or {@code pairwise}, as {@code --sample}. */
  @Parameter(property = "lockkit.sample", defaultValue = "all")
  String sample;

  /** Materialise and compile every variant, as {@code --compile}. */
  @Parameter(property = "lockkit.compile", defaultValue = "false")
  boolean compile;

  /** The module's compile class path: what every variant compiles against. */
  @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
  List<String> classpathElements;

  /**
   * Run the module's JUnit 5 tests on every variant that compiles, as {@code --test} (implies
   * {@code compile}); the test class path is the module's, without its own classes.
   */
  @Parameter(property = "lockkit.runTests", defaultValue = "false")
  boolean runTests;

  /** The module's test class path: what the tests compile and run against. */
  @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true)
  List<String> testClasspathElements;

  /** The module's test source roots. */
  @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true)
  List<String> testSourceRoots;

  /** The module's compiled tests, left off the class path: the tests are compiled per variant. */
  @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true)
  File testOutputDirectory;

  /** The module's own classes, left off the variants' class path (see {@link #run()}). */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  File outputDirectory;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    List<Path> roots = existingSourceRoots();
    if (roots.isEmpty()) {
      getLog().info("lockkit: no Java source roots in this module; no variants to build");
      return;
    }
    requireFile(kconfig, "Kconfig");
    List<String> args =
        new ArrayList<>(List.of("--kconfig", kconfig.getPath(), "--sample", sample));
    if (rules != null) {
      requireFile(rules, "rules file");
      args.add("--rules");
      args.add(rules.getPath());
    }
    if (runTests) {
      args.add("--test");
      for (String t : testSourceRoots) {
        if (new File(t).isDirectory()) {
          args.add("--test-sources");
          args.add(t);
        }
      }
      String testCp = Classpaths.without(testClasspathElements, testOutputDirectory);
      String cp = Classpaths.without(List.of(testCp.split(File.pathSeparator)), outputDirectory);
      if (!cp.isEmpty()) {
        args.add("--classpath");
        args.add(cp);
      }
    } else if (compile) {
      args.add("--compile");
      String cp = Classpaths.without(classpathElements, outputDirectory);
      if (!cp.isEmpty()) {
        args.add("--classpath");
        args.add(cp);
      }
    }
    roots.forEach(r -> args.add(r.toString()));
    CommandRunner.run(
        new VariantsCommand(),
        "lockkit variants",
        args,
        getLog(),
        line ->
            line.contains("FAIL")
                || line.contains("error:")
                || line.contains("failed: ")
                || line.contains("does not compile here: ")
                || line.matches("\\s+\\S+:\\d+.*"));
  }
}
