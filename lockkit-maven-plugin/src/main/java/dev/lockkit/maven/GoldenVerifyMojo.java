package dev.lockkit.maven;

import dev.lockkit.golden.cli.GoldenCommand;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code lockkit:golden-verify}, as {@code lockkit golden verify}: every scenario on every variant
 * (or one shard of them) compared with the approved files; never approves. Writes the Markdown
 * table and JUnit XML under {@code target/lockkit/}. A difference fails the build.
 *
 * <p>The target is {@code lockcore} by default; a project's own {@code ScenarioTarget} is named by
 * its fully qualified class name ({@code <target>com.acme.MyTarget</target>}) and loaded from the
 * project's test class path (its classes, test classes and dependencies), as is any target the
 * project declares as a service.
 */
@Mojo(
    name = "golden-verify",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public final class GoldenVerifyMojo extends LockkitMojo {

  /** Scenario directory, as {@code --scenarios}. */
  @Parameter(property = "lockkit.scenarios", defaultValue = "${project.basedir}/scenarios")
  File scenarios;

  /** Approved-file directory, as {@code --approved} (default: 'approved' beside the scenarios). */
  @Parameter(property = "lockkit.approved")
  File approved;

  /** The Kconfig whose valid configurations form the matrix, as {@code --kconfig}. */
  @Parameter(property = "lockkit.kconfig", defaultValue = "${project.basedir}/Kconfig")
  File kconfig;

  /** {@code all} or {@code pairwise}, as {@code --sample}. */
  @Parameter(property = "lockkit.sample", defaultValue = "all")
  String sample;

  /** {@code i/n}: run only shard i of n, as {@code --shard}. */
  @Parameter(property = "lockkit.shard", defaultValue = "1/1")
  String shard;

  /**
   * The implementation the scenarios run on, as {@code --target}: a target's name ({@code
   * lockcore}, or a service on the project's class path) or a {@code ScenarioTarget}'s fully
   * qualified class name.
   */
  @Parameter(property = "lockkit.target", defaultValue = "lockcore")
  String target;

  /** The project's test class path, where a project's own target is loaded from. */
  @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true)
  List<String> classpath;

  /** CI mode, as {@code --strict} (implied by CI=true). */
  @Parameter(property = "lockkit.strict", defaultValue = "false")
  boolean strict;

  /** Markdown variant × scenario table, e.g. for a CI job summary. */
  @Parameter(
      property = "lockkit.markdown",
      defaultValue = "${project.build.directory}/lockkit/golden.md")
  File markdown;

  /** JUnit XML of the cells. */
  @Parameter(
      property = "lockkit.goldenJunit",
      defaultValue = "${project.build.directory}/lockkit/TEST-lockkit-golden.xml")
  File junit;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (!scenarios.isDirectory()) {
      throw new MojoExecutionException(
          "lockkit: scenario directory " + display(scenarios) + " not found");
    }
    requireFile(kconfig, "Kconfig");
    markdown.getAbsoluteFile().getParentFile().mkdirs();
    junit.getAbsoluteFile().getParentFile().mkdirs();
    List<String> args = new ArrayList<>(List.of("verify"));
    args.addAll(List.of("--scenarios", scenarios.getPath(), "--kconfig", kconfig.getPath()));
    if (approved != null) {
      args.addAll(List.of("--approved", approved.getPath()));
    }
    args.addAll(List.of("--sample", sample, "--shard", shard, "--target", target));
    args.addAll(List.of("--markdown", markdown.getPath(), "--junit", junit.getPath()));
    if (strict) {
      args.add("--strict");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader project = projectLoader()) {
      // golden looks targets up through the context class loader (by service or class name).
      thread.setContextClassLoader(project);
      CommandRunner.run(
          new GoldenCommand(),
          "lockkit golden verify",
          args,
          getLog(),
          line -> line.contains("DIFF") || line.contains("FAIL") || line.contains("MISSING"));
    } catch (java.io.IOException e) {
      throw new MojoExecutionException("lockkit: cannot close the project class loader: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The project's test class path over the plugin's own classes (golden, golden-lockcore). */
  private URLClassLoader projectLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpath == null ? List.<String>of() : classpath) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("lockkit: bad class path entry " + element, e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), GoldenVerifyMojo.class.getClassLoader());
  }
}
