package dev.lockkit.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy against an oracle nobody here wrote: the type-level edges extracted from the sources of
 * commons-lang3 3.20.0 compared with {@code jdeps -verbose:class -filter:none} on its binary jar.
 *
 * <p>Both sides are folded to top-level types (nested and anonymous classes into their owner) and
 * restricted to edges between two types of the library. Both jars are copied by the analyzer build
 * ({@code maven-dependency-plugin:copy} in {@code generate-test-resources}, version {@code
 * commons-lang3.version} of the parent pom) into {@code target/jdeps-accuracy/}, so the test runs
 * on every build, a fresh machine's first included; a missing jar or {@code jdeps} (a JRE instead
 * of a JDK) fails the test, it never skips. It writes the edge lists and differences to {@code
 * target/accuracy/}.
 */
class JdepsAccuracyTest {

  private static final String PREFIX = "org.apache.commons.lang3";

  @Test
  void recallAgainstJdepsOnCommonsLang3IsAtLeast99Percent(@TempDir Path tmp) throws Exception {
    // Set by the analyzer pom; the defaults are what it sets, for a run from an IDE after a build.
    String version = System.getProperty("lockkit.test.commons-lang3.version", "3.20.0");
    Path inputs =
        Path.of(System.getProperty("lockkit.test.jdeps-accuracy.dir", "target/jdeps-accuracy"));
    Path jar = inputs.resolve("commons-lang3-" + version + ".jar");
    Path sources = inputs.resolve("commons-lang3-" + version + "-sources.jar");
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    String fetch = "the analyzer build copies them: mvn -B -pl analyzer generate-test-resources";
    assertTrue(Files.isRegularFile(jar), () -> jar + " missing; " + fetch);
    assertTrue(Files.isRegularFile(sources), () -> sources + " missing; " + fetch);
    assertTrue(
        Files.isExecutable(jdeps), () -> jdeps + " missing: run the tests on a JDK, not a JRE");

    Set<String> oracle = jdepsEdges(jdeps, jar, tmp.resolve("jdeps.txt"));
    Path src = tmp.resolve("src");
    unzipJava(sources, src);
    SourceParser parser = new SourceParser(SourceParser.Options.defaults(), src);
    SourceParser.Parsed parsed =
        parser.parse(List.of(new SourceRoot("lang3", src)), SourceParser.Progress.NONE);
    CodeGraph graph = GraphBuilder.build(parsed.modules(), parsed.files());
    EdgeTable types = graph.edges(Level.TYPE);
    Set<String> ours = new TreeSet<>();
    for (int e = 0; e < types.edgeCount(); e++) {
      String from = types.nodeName(types.from(e));
      String to = types.nodeName(types.to(e));
      if (from.startsWith(PREFIX) && to.startsWith(PREFIX) && !from.endsWith("package-info")) {
        ours.add(from + " -> " + to);
      }
    }
    Set<String> missed = new TreeSet<>(oracle);
    missed.removeAll(ours);
    Set<String> extra = new TreeSet<>(ours);
    extra.removeAll(oracle);
    double recall = 1.0 - (double) missed.size() / oracle.size();
    double precision = 1.0 - (double) extra.size() / ours.size();
    Path out = Path.of("target/accuracy");
    Files.createDirectories(out);
    Files.write(out.resolve("jdeps-edges.txt"), oracle);
    Files.write(out.resolve("lockkit-edges.txt"), ours);
    Files.write(out.resolve("missed.txt"), missed);
    Files.write(out.resolve("extra.txt"), extra);
    String summary =
        String.format(
            "commons-lang3 %s: jdeps %d edges, lockkit %d edges, missed %d, extra %d,"
                + " recall %.4f, precision %.4f%n",
            version, oracle.size(), ours.size(), missed.size(), extra.size(), recall, precision);
    Files.writeString(out.resolve("summary.txt"), summary);
    System.out.print(summary);
    assertTrue(recall >= 0.99, summary);
    assertTrue(precision >= 0.95, summary);
  }

  private static Set<String> jdepsEdges(Path jdeps, Path jar, Path output)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                jdeps.toString(),
                "-verbose:class",
                "-filter:none",
                "--multi-release",
                "17",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jdeps finished");
    Set<String> edges = new TreeSet<>();
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && line.startsWith(" ")) {
        String from = topLevel(f[0]);
        String to = topLevel(f[2]);
        if (from.startsWith(PREFIX)
            && to.startsWith(PREFIX)
            && !from.equals(to)
            && !from.endsWith("package-info")) {
          edges.add(from + " -> " + to);
        }
      }
    }
    return edges;
  }

  private static String topLevel(String binaryName) {
    int dollar = binaryName.indexOf('$');
    return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
  }

  static void unzipJava(Path zip, Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.getName().endsWith(".java")) {
          continue;
        }
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(z, target);
        names.add(e.getName());
      }
    }
    assertTrue(!names.isEmpty(), "sources jar holds java files");
  }
}
