package dev.lockkit.refactor.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small source trees written to a temporary directory, and a way to run a migration on them. */
final class TestTrees {

  private TestTrees() {}

  /** Writes {@code files} (relative path to content) under {@code root}. */
  static void write(Path root, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = root.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code root}, relative path to content, sorted. */
  static Map<String, String> read(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Runs a migration of {@code root/src} with {@code root/T.java}, writing nothing. */
  static Migration.Result run(Path root) throws MigrationException {
    return Migration.run(
        new MigrationRequest(
            root,
            root.resolve("T.java"),
            List.of(root.resolve("src")),
            List.of(),
            Optional.empty(),
            "write"));
  }

  /** Runs a migration of {@code root/src} and writes the result. */
  static Migration.Result runAndWrite(Path root) throws Exception {
    Migration.Result r = run(root);
    r.changes().write();
    return r;
  }

  /**
   * The one-template, one-file case: {@code template} as {@code T.java}, {@code source} as {@code
   * src/p/A.java}, migrated and written; read the result with {@link #migratedSource}.
   */
  static Migration.Result migrateOneFile(Path root, String template, String source)
      throws Exception {
    write(root, Map.of("T.java", template, "src/p/A.java", source));
    return runAndWrite(root);
  }

  /** The text of {@code src/p/A.java} after {@link #migrateOneFile}. */
  static String migratedSource(Path root) {
    return text(root, "src/p/A.java");
  }

  static String text(Path root, String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
