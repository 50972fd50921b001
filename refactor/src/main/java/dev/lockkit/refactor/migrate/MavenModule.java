package dev.lockkit.refactor.migrate;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code --maven-module DIR}: the class path of a Maven module, from Maven itself.
 *
 * <p>Runs {@code mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=F} in the module's
 * directory (offline: the dependencies must already be in the local repository, e.g. after a
 * build), then adds the module's own {@code target/classes} and {@code src/main/java} when they
 * exist, so that both compiled classes and the module's sources (with their {@code @IfConfig}
 * conditions, for gating) resolve. Maven does the resolving because only Maven knows a module's
 * effective dependencies (parents, BOMs, profiles, exclusions, version mediation). The plugin
 * version is whatever the module's build pins ({@code maven-dependency-plugin}); lockkit's own
 * parent pins it.
 *
 * <p>Run inside one module of a multi-module build, Maven does not see the reactor: a dependency on
 * a sibling module resolves only if that module was installed. The error then is Maven's own,
 * quoted in the message.
 */
final class MavenModule {

  /** How long Maven may take before the run counts as failed. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final int OUTPUT_LINES = 20;

  private MavenModule() {}

  /** The {@code mvn} to run: {@code $LOCKKIT_MVN} if set, else {@code mvn} from the PATH. */
  static String defaultMvn() {
    String env = System.getenv("LOCKKIT_MVN");
    return env == null || env.isBlank() ? "mvn" : env;
  }

  /**
   * The class path of the module in {@code dir}, in Maven's order, then its {@code target/classes}
   * and {@code src/main/java}.
   *
   * @throws MigrationException naming the module: not a directory, no {@code pom.xml}, {@code mvn}
   *     not found, or Maven failed (with the end of its output)
   */
  static List<Path> classpath(Path dir, String mvn) throws MigrationException {
    String where = "--maven-module " + dir;
    if (!Files.isDirectory(dir)) {
      throw new MigrationException(where + ": not a directory");
    }
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      throw new MigrationException(where + ": no pom.xml in " + dir + " (not a Maven module)");
    }
    Path executable =
        find(mvn)
            .orElseThrow(
                () ->
                    new MigrationException(
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
      throw new MigrationException(where + ": cannot create a temporary file: " + e.getMessage());
    }
    try {
      List<String> cmd =
          List.of(
              executable.toString(),
              "-B",
              "-q",
              "-o",
              "dependency:build-classpath",
              "-Dmdep.outputFile=" + out.toAbsolutePath());
      Process p;
      try {
        p =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new MigrationException(where + ": cannot run " + executable + ": " + e.getMessage());
      }
      int rc;
      try {
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new MigrationException(
              where + ": mvn dependency:build-classpath did not finish in " + TIMEOUT);
        }
        rc = p.exitValue();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new MigrationException(where + ": interrupted while Maven ran");
      }
      String text = read(out);
      if (rc != 0 || text == null) {
        throw new MigrationException(
            where + ": mvn -o dependency:build-classpath failed (exit " + rc + ")" + tail(log));
      }
      List<Path> cp = new ArrayList<>();
      for (String entry : text.strip().split(Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          cp.add(Path.of(entry));
        }
      }
      for (Path own : List.of(dir.resolve("target/classes"), dir.resolve("src/main/java"))) {
        if (Files.isDirectory(own)) {
          cp.add(own.toAbsolutePath().normalize());
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
