package dev.lockkit.maven;

import dev.lockkit.refactor.migrate.MigrateCommand;
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
 * {@code lockkit:migrate-check}, as {@code lockkit migrate --check}: fails the build when a
 * migration template would still rewrite a site (the old API crept back in), and with {@code
 * failOnLeft} when any use of the old API is left. Writes nothing. The class path the templates
 * resolve types against is the module's compile class path.
 */
@Mojo(
    name = "migrate-check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class MigrateCheckMojo extends LockkitMojo {

  /** Template file (Refaster form), as {@code --templates}. */
  @Parameter(property = "lockkit.templates", required = true)
  File templates;

  /** Kconfig for the gating check, as {@code --kconfig}. */
  @Parameter(property = "lockkit.kconfig")
  File kconfig;

  /** Also fail when any use of the old API is left, as {@code --fail-on-left}. */
  @Parameter(property = "lockkit.failOnLeft", defaultValue = "false")
  boolean failOnLeft;

  /** The module's compile class path. */
  @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
  List<String> classpathElements;

  /** The module's own classes, left off (the sources are on the path already). */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  File outputDirectory;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    List<Path> roots = existingSourceRoots();
    if (roots.isEmpty()) {
      getLog().info("lockkit: no Java source roots in this module; nothing to check");
      return;
    }
    requireFile(templates, "template file");
    List<String> args = new ArrayList<>(List.of("--check", "--templates", templates.getPath()));
    String cp = Classpaths.without(classpathElements, outputDirectory);
    if (!cp.isEmpty()) {
      args.addAll(List.of("--classpath", cp));
    }
    if (kconfig != null) {
      requireFile(kconfig, "Kconfig");
      args.addAll(List.of("--kconfig", kconfig.getPath()));
    }
    if (failOnLeft) {
      args.add("--fail-on-left");
    }
    roots.forEach(r -> args.add(r.toString()));
    CommandRunner.run(
        new MigrateCommand(),
        "lockkit migrate --check",
        args,
        getLog(),
        line -> line.contains(":"));
  }
}
