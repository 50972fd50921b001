package dev.lockkit.bench.analyzer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The floor of {@code lockkit analyze}: read and parse every {@code .java} file under the given
 * roots with JavaParser, and nothing else.
 *
 * <p>It uses the analyzer's parser settings (Java 17, comments not attributed, no lexical
 * preservation) and the analyzer's parallelism (one thread per core, at most 8, large stacks), so
 * the ratio analyze / bare parse isolates what the analyzer does beyond parsing: fact extraction,
 * resolution, the graph, the rules and the report. {@code --threads 1} gives the sequential figure.
 * Usage: {@code BareParse [--threads N] ROOT...}
 */
public final class BareParse {

  private BareParse() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
    int first = 0;
    if (args.length >= 2 && args[0].equals("--threads")) {
      threads = Integer.parseInt(args[1]);
      first = 2;
    }
    if (args.length <= first) {
      System.err.println("usage: BareParse [--threads N] ROOT...");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> all =
        Stream.of(args).skip(first).map(Path::of).flatMap(BareParse::javaFiles)) {
      files = all.sorted().collect(Collectors.toList());
    }
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> new Thread(null, r, "bare-parse", 1L << 30) /* deep nesting, as analyzer */);
    long lines = 0;
    int failed = 0;
    try {
      List<Future<long[]>> results =
          files.stream().map(f -> pool.submit(() -> parse(f, config))).collect(Collectors.toList());
      for (Future<long[]> r : results) {
        long[] v = r.get();
        lines += v[0];
        failed += (int) v[1];
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "bare-parse: %d files, %d lines, %d not parsed, %d threads, %.0f ms in-process%n",
        files.size(), lines, failed, threads, (System.nanoTime() - start) / 1e6);
  }

  private static long[] parse(Path file, ParserConfiguration config) throws IOException {
    // Replacement decoding, as the analyzer does: a stray byte must not abort the baseline.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    // A new parser per file, as JavaParser instances are not thread-safe.
    ParseResult<CompilationUnit> result = new JavaParser(config).parse(text);
    long lines = text.chars().filter(c -> c == '\n').count();
    return new long[] {lines, result.isSuccessful() ? 0 : 1};
  }

  private static Stream<Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .collect(Collectors.toList())
          .stream();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }
}
