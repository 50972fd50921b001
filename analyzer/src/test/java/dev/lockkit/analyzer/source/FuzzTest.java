package dev.lockkit.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.cycles.CycleFinder;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates real sources (this module's own) at random and runs the front end, graph and cycle search
 * on each mutant: whatever the damage, no exception may escape. Bounded to {@value #ROUNDS} mutants
 * and {@value #BUDGET_MILLIS} ms; the seed is fixed, so a failure reproduces.
 */
class FuzzTest {

  static final int ROUNDS = 300;
  static final long BUDGET_MILLIS = 15_000;
  private static final String[] TOKENS = {
    "{",
    "}",
    "(",
    ")",
    ";",
    "<",
    ">",
    "\"",
    "'",
    "\"\"\"",
    "/*",
    "*/",
    "//",
    "@",
    "::",
    "->",
    "class ",
    "record ",
    "sealed ",
    "permits ",
    "import static ",
    ".*",
    "\\u0022",
    "\u0000",
    "\uFFFF"
  };

  @Test
  void mutatedSourcesNeverThrow(@TempDir Path dir) throws Exception {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    assertTrue(sources.size() > 10);
    Random random = new Random(20260101);
    SourceParser parser = new SourceParser(SourceParser.Options.defaults(), dir);
    long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
    List<FileFacts> batch = new ArrayList<>();
    for (int round = 0; round < ROUNDS && System.currentTimeMillis() < deadline; round++) {
      Path original = sources.get(random.nextInt(sources.size()));
      byte[] bytes = mutate(Files.readAllBytes(original), random);
      Path mutant = dir.resolve("m" + round + ".java");
      Files.write(mutant, bytes);
      FileFacts facts = parser.parseFile(mutant, 0);
      for (var problem : facts.problems()) {
        // A crash is caught per file; it must be the parser's, never the extractor's.
        assertTrue(!problem.message().contains("parser failed"), problem.toString());
      }
      batch.add(facts);
      if (batch.size() == 30) {
        CodeGraph g = GraphBuilder.build(List.of("m"), batch);
        for (Level level : Level.values()) {
          CycleFinder.find(g.edges(level));
        }
        batch.clear();
      }
    }
  }

  private static byte[] mutate(byte[] in, Random r) {
    StringBuilder s = new StringBuilder(new String(in, StandardCharsets.UTF_8));
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(40)));
        case 1 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> {
          int from = r.nextInt(s.length());
          int len = Math.min(60, s.length() - from);
          s.insert(at, s.substring(from, from + len));
        }
        default -> {
          byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          return b;
        }
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
