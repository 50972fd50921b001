package dev.lockkit.refactor.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code --maven-module DIR}: the class path of a Maven module, from Maven itself.
 *
 * <p>Runs {@code mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:V:build-classpath
 * -Dmdep.outputFile=F} in the module's directory. {@link #classpath} then adds the module's own
 * {@code target/classes} and {@code src/main/java} when they exist, so that both compiled classes
 * and the module's sources (with their {@code @IfConfig} conditions, for gating) resolve: what
 * {@code migrate} needs (its {@code --verify} leaves the own build output out again). {@link
 * #dependencies} is Maven's list alone: what {@code move} needs, whose javac checks take the tree
 * being changed from its sources, so that a class the move deletes cannot still resolve from the
 * module's own {@code target/classes}. Maven does the resolving because only Maven knows a module's
 * effective dependencies (parents, BOMs, profiles, exclusions, version mediation).
 *
 * <p>The plugin is named by its full coordinates, with the version lockkit's parent pom pins
 * (filtered into {@code maven.properties} at build time): a bare {@code dependency:} prefix makes
 * Maven look the prefix up in its plugin-group metadata, which offline fails on a local repository
 * that never held the plugin, and online picks whatever version is newest. Maven runs online unless
 * the user asks for {@code --offline}: downloading the plugin and the module's dependencies once is
 * what a first run needs.
 *
 * <p>Run inside one module of a multi-module build, Maven does not see the reactor: a dependency on
 * a sibling module resolves only if that module was installed. The error then is Maven's own,
 * quoted in the message, followed by the command to run by hand.
 */
public final class MavenModule {

  /** How long Maven may take before the run counts as failed. */
  public static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final int OUTPUT_LINES = 20;

  /** The maven-dependency-plugin version this build pins, as {@code maven.properties} holds it. */
  public static final String DEPENDENCY_PLUGIN_VERSION = pinnedPluginVersion();

  /** The goal {@code --maven-module} runs, by full coordinates (no prefix resolution). */
  public static final String GOAL =
      "org.apache.maven.plugins:maven-dependency-plugin:"
          + DEPENDENCY_PLUGIN_VERSION
          + ":build-classpath";

  private MavenModule() {}

  private static String pinnedPluginVersion() {
    Properties p = new Properties();
    try (InputStream in = MavenModule.class.getResourceAsStream("maven.properties")) {
      if (in == null) {
        throw new IllegalStateException("maven.properties missing from lockkit's refactor jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("dependency-plugin.version", "");
    // An unfiltered resource (a build that skipped resource filtering) is a packaging bug.
    if (v.isBlank() || v.contains("${")) {
      throw new IllegalStateException("maven.properties was not filtered: '" + v + "'");
    }
    return v;
  }

  /**
   * The Maven command line for {@code --maven-module}: batch mode, quiet, the pinned goal, the
   * output file; {@code -o} only when {@code offline}; {@code extraArgs} (tests point Maven at the
   * reactor's local repository) before the goal.
   */
  public static List<String> command(
      String mvn, boolean offline, List<String> extraArgs, Path out) {
    List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q"));
    if (offline) {
      cmd.add("-o");
    }
    cmd.addAll(extraArgs);
    cmd.add(GOAL);
    cmd.add("-Dmdep.outputFile=" + out.toAbsolutePath());
    return cmd;
  }

  /** The {@code mvn} to run: {@code $LOCKKIT_MVN} if set, else {@code mvn} from the PATH. */
  public static String defaultMvn() {
    String env = System.getenv("LOCKKIT_MVN");
    return env == null || env.isBlank() ? "mvn" : env;
  }

  /**
   * The class path of the module in {@code dir}, in Maven's order, then its {@code target/classes}
   * and {@code src/main/java}.
   *
   * @throws MavenModuleException naming the module: not a directory, no {@code pom.xml}, {@code
   *     mvn} not found, or Maven failed (with the end of its output)
   */
  public static List<Path> classpath(Path dir, String mvn) throws MavenModuleException {
    return classpath(dir, mvn, false, List.of());
  }

  /**
   * As {@link #classpath(Path, String)}, with Maven offline ({@code -o}) when {@code offline}, and
   * {@code extraArgs} passed to Maven before the goal.
   */
  public static List<Path> classpath(Path dir, String mvn, boolean offline, List<String> extraArgs)
      throws MavenModuleException {
    List<Path> cp = dependencies(dir, mvn, offline, extraArgs);
    for (Path own : List.of(dir.resolve("target/classes"), dir.resolve("src/main/java"))) {
      if (Files.isDirectory(own)) {
        cp.add(own.toAbsolutePath().normalize());
      }
    }
    return cp;
  }

  /**
   * The class path of the module's dependencies in {@code dir}, in Maven's order, without the
   * module's own classes or sources; Maven offline ({@code -o}) when {@code offline}, {@code
   * extraArgs} passed to Maven before the goal.
   *
   * @throws MavenModuleException as {@link #classpath(Path, String)}
   */
  public static List<Path> dependencies(
      Path dir, String mvn, boolean offline, List<String> extraArgs) throws MavenModuleException {
    String where = "--maven-module " + dir;
    if (!Files.isDirectory(dir)) {
      throw new MavenModuleException(where + ": not a directory");
    }
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      throw new MavenModuleException(where + ": no pom.xml in " + dir + " (not a Maven module)");
    }
    Path executable =
        find(mvn)
            .orElseThrow(
                () ->
                    new MavenModuleException(
                        where
                            + ": '"
                            + mvn
                            + "' not found"
                            + (mvn.contains(File.separator) ? "" : " on the PATH")
                            + " (set LOCKKIT_MVN, or pass --classpath instead)"));
    Path out;
    Path log;
    try {
      out = Files.createTempFile("lockkit-classpath", ".txt");
      log = Files.createTempFile("lockkit-mvn", ".log");
    } catch (IOException e) {
      throw new MavenModuleException(where + ": cannot create a temporary file: " + e.getMessage());
    }
    try {
      List<String> cmd = command(executable.toString(), offline, extraArgs, out);
      Process p;
      try {
        p =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new MavenModuleException(
            where + ": cannot run " + executable + ": " + e.getMessage());
      }
      int rc;
      try {
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new MavenModuleException(where + ": mvn " + GOAL + " did not finish in " + TIMEOUT);
        }
        rc = p.exitValue();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new MavenModuleException(where + ": interrupted while Maven ran");
      }
      String text = read(out);
      if (rc != 0 || text == null) {
        throw new MavenModuleException(
            where
                + ": mvn "
                + (offline ? "-o " : "")
                + GOAL
                + " failed (exit "
                + rc
                + ")"
                + tail(log)
                + "\n  "
                + advice(dir, offline));
      }
      List<Path> cp = new ArrayList<>();
      for (String entry : text.strip().split(Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          cp.add(Path.of(entry));
        }
      }
      return cp;
    } finally {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // Temporary files; a leftover is harmless.
      }
    }
  }

  // What to run by hand: the same goal, verbose, where Maven's whole error shows; offline runs
  // fail most often because the plugin or a dependency was never downloaded.
  private static String advice(Path dir, boolean offline) {
    String by = "cd " + dir + " && mvn -B " + GOAL;
    return offline
        ? "run once online to download the plugin and dependencies: "
            + by
            + " (or drop --offline); or pass --classpath instead"
        : "run '" + by + "' to see Maven's full error; or pass --classpath instead";
  }

  private static String read(Path f) {
    try {
      return Files.size(f) == 0 ? "" : Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  // The end of Maven's output: the error is there, the download noise before it.
  private static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return "";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size());
    return ":\n  " + String.join("\n  ", last);
  }

  private static Optional<Path> find(String mvn) {
    if (mvn.contains(File.separator)) {
      Path p = Path.of(mvn);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = File.separatorChar == '\\';
    for (String d : path.split(Pattern.quote(File.pathSeparator))) {
      if (d.isBlank()) {
        continue;
      }
      for (String name : windows ? List.of(mvn + ".cmd", mvn + ".bat", mvn) : List.of(mvn)) {
        Path p = Path.of(d, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
