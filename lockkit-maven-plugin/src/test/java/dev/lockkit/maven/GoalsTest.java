package dev.lockkit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals run in-process with their parameters set as Maven would set them (the invoker
 * integration tests under src/it run {@code check} and {@code variants} in real builds; these pin
 * the other goals and the configuration errors).
 */
class GoalsTest {

  /** The repository root (Surefire runs in the module directory). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path f = dir.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  private CheckMojo check() {
    CheckMojo m = new CheckMojo();
    m.basedir = dir.toFile();
    m.sourceRoots = List.of("src/main/java", "target/generated-sources/annotations");
    m.failOn = "error";
    m.failOnFindings = true;
    m.sarif = dir.resolve("target/lockkit/lockkit.sarif").toFile();
    m.junitXml = dir.resolve("target/lockkit/TEST-lockkit.xml").toFile();
    return m;
  }

  private void cycle() throws IOException {
    write("src/main/java/a/A.java", "package a;\npublic class A {\n  b.B b;\n}\n");
    write("src/main/java/b/B.java", "package b;\npublic class B {\n  a.A a;\n}\n");
  }

  @Test
  void checkFailsCompilerStyleAndStillWritesItsReports() throws IOException {
    cycle();
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> check().execute());
    assertTrue(e.getMessage().startsWith("lockkit check failed: 1 finding\n  "), e.getMessage());
    assertTrue(
        e.getMessage().contains("src/main/java/a/A.java:3:3: [cycle/package]"), e.getMessage());
    assertTrue(Files.readString(dir.resolve("target/lockkit/lockkit.sarif")).contains("2.1.0"));
    assertTrue(Files.isRegularFile(dir.resolve("target/lockkit/TEST-lockkit.xml")));
  }

  @Test
  void checkWithFailOnFindingsOffReportsWithoutFailing() throws Exception {
    cycle();
    CheckMojo m = check();
    m.failOnFindings = false;
    m.execute();
    assertTrue(
        Files.readString(dir.resolve("target/lockkit/lockkit.sarif")).contains("cycle/package"));
  }

  @Test
  void aBaselineListingTheFindingLetsTheBuildPass() throws Exception {
    cycle();
    CheckMojo writer = check();
    writer.failOnFindings = false;
    writer.writeBaseline = dir.resolve("lockkit-baseline.txt").toFile();
    writer.execute();
    CheckMojo m = check();
    m.baseline = dir.resolve("lockkit-baseline.txt").toFile();
    m.execute();
  }

  @Test
  void aMissingConfiguredFileIsAOneLineConfigurationError() throws IOException {
    cycle();
    CheckMojo m = check();
    m.kconfig = dir.resolve("Kconfig").toFile();
    MojoExecutionException e = assertThrows(MojoExecutionException.class, m::execute);
    assertEquals("lockkit: Kconfig Kconfig not found", e.getMessage());
    CheckMojo r = check();
    r.rules = dir.resolve("rules.txt").toFile();
    assertEquals(
        "lockkit: rules file rules.txt not found",
        assertThrows(MojoExecutionException.class, r::execute).getMessage());
    CheckMojo f = check();
    f.failOn = "fatal";
    assertTrue(
        assertThrows(MojoExecutionException.class, f::execute)
            .getMessage()
            .startsWith("lockkit: failOn: unknown severity 'fatal'"));
  }

  @Test
  void aModuleWithoutJavaSourcesIsSkipped() throws Exception {
    check().execute();
    assertTrue(!Files.exists(dir.resolve("target/lockkit")), "nothing written");
  }

  @Test
  void migrateCheckFailsWhileTemplatesStillMatchAndWritesNothing() throws IOException {
    Path fixture = ROOT.resolve("fixtures/migrations/mmap-sem");
    Map<Path, String> before = contents(fixture.resolve("src"));
    MigrateCheckMojo m = new MigrateCheckMojo();
    m.basedir = fixture.toFile();
    m.sourceRoots = List.of("src");
    m.templates = fixture.resolve("MmapSemToMmapLock.java").toFile();
    m.kconfig = ROOT.resolve("lockcore/Kconfig").toFile();
    m.classpathElements = List.of(ROOT.resolve("lockcore/src/main/java").toString());
    m.outputDirectory = dir.resolve("classes").toFile();
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().startsWith("lockkit migrate --check failed: "), e.getMessage());
    assertTrue(e.getMessage().contains(".java:"), e.getMessage());
    assertEquals(before, contents(fixture.resolve("src")), "--check writes nothing");
  }

  @Test
  void goldenVerifyPassesOnApprovedFilesAndFailsOnAChangedOne() throws Exception {
    String scenario = "per-vma-fault-success";
    Files.createDirectories(dir.resolve("scenarios"));
    Files.createDirectories(dir.resolve("approved"));
    Files.copy(
        ROOT.resolve("fixtures/scenarios/" + scenario + ".scn"),
        dir.resolve("scenarios/" + scenario + ".scn"));
    try (Stream<Path> s = Files.list(ROOT.resolve("fixtures/approved"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(scenario + ".")).toList()) {
        Files.copy(p, dir.resolve("approved").resolve(p.getFileName()));
      }
    }
    GoldenVerifyMojo m = new GoldenVerifyMojo();
    m.basedir = dir.toFile();
    m.scenarios = dir.resolve("scenarios").toFile();
    m.kconfig = ROOT.resolve("lockcore/Kconfig").toFile();
    m.sample = "all";
    m.shard = "1/1";
    m.target = "lockcore";
    m.strict = true;
    m.markdown = dir.resolve("target/lockkit/golden.md").toFile();
    m.junit = dir.resolve("target/lockkit/TEST-lockkit-golden.xml").toFile();
    m.execute();
    assertTrue(Files.readString(dir.resolve("target/lockkit/golden.md")).contains(scenario));

    Path one;
    try (Stream<Path> s = Files.list(dir.resolve("approved"))) {
      one = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(one, Files.readString(one).replaceFirst("OK", "EFAULT"));
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().startsWith("lockkit golden verify failed"), e.getMessage());
  }

  /** A user's own scenario target, compiled into {@code classes} (a project's output). */
  private Path userTarget() throws IOException {
    write(
        "src/com/acme/HitTarget.java",
        """
        package com.acme;

        import dev.lockkit.golden.matrix.Variant;
        import dev.lockkit.golden.scenario.Op;
        import dev.lockkit.golden.scenario.Operations;
        import dev.lockkit.golden.spi.Scheduling;
        import dev.lockkit.golden.spi.SchedulingPoints;
        import dev.lockkit.golden.target.Events;
        import dev.lockkit.golden.target.Machine;
        import dev.lockkit.golden.target.ScenarioTarget;
        import java.util.List;

        public final class HitTarget implements ScenarioTarget {
          public String name() { return "hits"; }
          public Operations operations() { return Operations.of("hit PAGE"); }
          public Machine boot(Variant v, List<Op> setup, int tasks, Events events) {
            SchedulingPoints points = Scheduling.current();
            int[] hits = {0};
            return new Machine() {
              public void enterTask(int task) {}
              public String perform(int task, Op op) {
                points.beforeSharedAccess(hits, "load");
                int seen = hits[0];
                points.beforeSharedAccess(hits, "store");
                hits[0] = seen + 1;
                return "saw " + seen;
              }
              public String snapshot() { return "hits=" + hits[0] + "\\n"; }
            };
          }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    java.io.StringWriter diagnostics = new java.io.StringWriter();
    try (var files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  List.of(
                      "-d",
                      classes.toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      "-proc:none"),
                  null,
                  files.getJavaFileObjects(dir.resolve("src/com/acme/HitTarget.java")))
              .call();
      assertTrue(ok, diagnostics.toString());
    }
    return classes;
  }

  @Test
  void goldenVerifyRunsAUserTargetNamedByItsClassFromTheProjectClassPath() throws Exception {
    Path classes = userTarget();
    write("scenarios/hits.scn", "explore: exhaustive\ntask:\n  hit a\ntask:\n  hit b\n");
    write("Kconfig", "config STATS\n\tbool \"stats\"\n");
    // An approved directory, still empty: verify never creates one (only record does).
    Files.createDirectories(dir.resolve("approved"));
    GoldenVerifyMojo m = new GoldenVerifyMojo();
    m.basedir = dir.toFile();
    m.scenarios = dir.resolve("scenarios").toFile();
    m.kconfig = dir.resolve("Kconfig").toFile();
    m.sample = "all";
    m.shard = "1/1";
    m.target = "com.acme.HitTarget";
    m.strict = true;
    m.markdown = dir.resolve("target/lockkit/golden.md").toFile();
    m.junit = dir.resolve("target/lockkit/TEST-lockkit-golden.xml").toFile();

    m.classpath = List.of();
    MojoExecutionException notFound = assertThrows(MojoExecutionException.class, m::execute);
    assertTrue(
        notFound.getMessage().contains("target class com.acme.HitTarget is not on the class path"),
        notFound.getMessage());

    // On the project's class path the target runs: no approved file yet, so strict mode fails
    // naming the missing cells, one per variant of the Kconfig.
    m.classpath = List.of(classes.toString());
    MojoFailureException missing = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(
        missing.getMessage().startsWith("lockkit golden verify failed"), missing.getMessage());
    String table = Files.readString(dir.resolve("target/lockkit/golden.md"));
    assertTrue(table.contains("hits") && table.contains("MISSING"), table);
  }

  private static Map<Path, String> contents(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(p, Files.readString(p));
      }
    }
    return out;
  }

  /**
   * runTests: the module's tests run on every variant; one that fails somewhere fails the build.
   */
  @Test
  void variantsWithRunTestsFailsOnATestThatFailsInSomeVariant() throws IOException {
    write("Kconfig", "config DISK\n\tbool \"disk\"\n");
    write("rules.txt", "condition-annotation shop.IfConfig\n");
    write(
        "src/main/java/shop/IfConfig.java",
        "package shop;\npublic @interface IfConfig {\n  String value();\n}\n");
    write(
        "src/main/java/shop/Disk.java",
        "package shop;\n@IfConfig(\"DISK\")\npublic final class Disk {}\n");
    write(
        "src/test/java/shop/NoDiskTest.java",
        "package shop;\nimport static org.junit.jupiter.api.Assertions.assertThrows;\n"
            + "import org.junit.jupiter.api.Test;\nclass NoDiskTest {\n  @Test\n"
            + "  void diskIsAbsent() {\n    assertThrows(ClassNotFoundException.class,"
            + " () -> Class.forName(\"shop.Disk\"));\n  }\n}\n");
    VariantsMojo m = new VariantsMojo();
    m.basedir = dir.toFile();
    m.sourceRoots = List.of("src/main/java");
    m.kconfig = dir.resolve("Kconfig").toFile();
    m.rules = dir.resolve("rules.txt").toFile();
    m.sample = "all";
    m.runTests = true;
    m.classpathElements = List.of();
    m.testClasspathElements = List.of();
    m.testSourceRoots = List.of(dir.resolve("src/test/java").toString());
    m.outputDirectory = dir.resolve("target/classes").toFile();
    m.testOutputDirectory = dir.resolve("target/test-classes").toFile();
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().contains("failed: shop.NoDiskTest#diskIsAbsent"), e.getMessage());
  }
}
