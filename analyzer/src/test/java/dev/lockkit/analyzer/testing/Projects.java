package dev.lockkit.analyzer.testing;

import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.source.FileFacts;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Writes small source trees for tests and builds their graphs. */
public final class Projects {

  private Projects() {}

  /** Writes {@code path -> text} pairs under a root. */
  public static Path write(Path root, String... pathsAndTexts) {
    try {
      for (int i = 0; i < pathsAndTexts.length; i += 2) {
        Path f = root.resolve(pathsAndTexts[i]);
        Files.createDirectories(f.getParent());
        Files.writeString(f, pathsAndTexts[i + 1], StandardCharsets.UTF_8);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed files of the given paths (display paths relative to {@code base}). */
  public static List<FileFacts> parse(Path base, Path... paths) throws InputException {
    SourceParser parser = new SourceParser(SourceParser.Options.defaults(), base);
    SourceParser.Parsed parsed =
        parser.parse(InputScanner.scan(List.of(paths)), SourceParser.Progress.NONE);
    return parsed.files();
  }

  /** The graph of the given paths. */
  public static CodeGraph graph(Path base, Path... paths) throws InputException {
    SourceParser parser = new SourceParser(SourceParser.Options.defaults(), base);
    SourceParser.Parsed parsed =
        parser.parse(InputScanner.scan(List.of(paths)), SourceParser.Progress.NONE);
    return GraphBuilder.build(parsed.modules(), parsed.files());
  }

  /** The edges of a level as {@code "from -> to"} strings, sorted. */
  public static Set<String> edges(CodeGraph g, Level level) {
    EdgeTable t = g.edges(level);
    Set<String> out = new TreeSet<>();
    for (int e = 0; e < t.edgeCount(); e++) {
      out.add(t.nodeName(t.from(e)) + " -> " + t.nodeName(t.to(e)));
    }
    return out;
  }

  /** The targets of the type edges from one type, sorted. */
  public static Set<String> targets(CodeGraph g, String from) {
    EdgeTable t = g.edges(Level.TYPE);
    Set<String> out = new TreeSet<>();
    int n = t.node(from);
    if (n < 0) {
      throw new AssertionError("no type " + from);
    }
    for (int e = t.outStart(n); e < t.outStart(n + 1); e++) {
      out.add(t.nodeName(t.to(e)));
    }
    return out;
  }
}
