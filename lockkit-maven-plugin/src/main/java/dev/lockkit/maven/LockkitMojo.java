package dev.lockkit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every lockkit goal shares: the project's source roots and base directory (taken from the
 * project, so nothing is typed twice), {@code skip}, and one-line configuration errors.
 */
abstract class LockkitMojo extends AbstractMojo {

  /** The module's base directory; reported paths are relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Source roots to analyse (default: the module's compile source roots). */
  @Parameter(defaultValue = "${project.compileSourceRoots}")
  List<String> sourceRoots;

  /** Skip this goal. */
  @Parameter(property = "lockkit.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("lockkit: skipped (lockkit.skip)");
      return;
    }
    // Spoon and JavaParser log through SLF4J; Maven's binding would print their internal noise.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    run();
  }

  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * The configured source roots that hold Java sources: the compiler adds roots such as
   * target/generated-sources/annotations that are often empty, and an empty root is not an error of
   * the user's.
   */
  final List<Path> existingSourceRoots() throws MojoExecutionException {
    List<Path> out = new ArrayList<>();
    if (sourceRoots != null) {
      for (String r : sourceRoots) {
        Path p = resolve(r);
        if (Files.isDirectory(p) && holdsJava(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static boolean holdsJava(Path dir) throws MojoExecutionException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java") && Files.isRegularFile(f));
    } catch (IOException e) {
      throw new MojoExecutionException("lockkit: cannot read " + dir + ": " + e.getMessage());
    }
  }

  final Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p.normalize() : basedir.toPath().resolve(p).normalize();
  }

  /** Fails with one line when a configured input file is missing. */
  final void requireFile(File file, String what) throws MojoExecutionException {
    if (!file.isFile()) {
      throw new MojoExecutionException("lockkit: " + what + " " + display(file) + " not found");
    }
  }

  /** A path as the user sees it: relative to the module when inside it. */
  final String display(File file) {
    Path abs = file.toPath().toAbsolutePath().normalize();
    Path base = basedir.toPath().toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
