package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.maven.MavenModule;
import dev.lockkit.refactor.maven.MavenModuleException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --maven-module}: the class path comes from Maven; every way it can fail is exit 2 naming
 * the module and saying what to run.
 *
 * <p>The tests that run Maven run the Maven that runs this build ({@code lockkit.test.mvn}, set by
 * the refactor pom from {@code maven.home}) offline, against this build's own local repository
 * ({@code lockkit.test.maven.repo.local}): the refactor build runs the same pinned plugin in {@code
 * generate-test-resources}, and picocli is one of its own dependencies, so both are there even when
 * the build started from an empty repository. Nothing depends on what {@code ~/.m2} holds, and
 * nothing is skipped: outside Maven (an IDE) the properties fall back to {@code mvn} on the PATH
 * and the default repository, and a failure there says what to run.
 */
class MavenModuleTest {

  @TempDir Path root;

  private static final String PICOCLI = "4.7.7";

  private static String pom(String dependencies) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>module</artifactId>
          <version>1</version>
          <dependencies>%s</dependencies>
        </project>
        """
        .formatted(dependencies);
  }

  private static final String PICOCLI_DEPENDENCY =
      "<dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId>"
          + "<version>"
          + PICOCLI
          + "</version></dependency>";

  /** The Maven running this build, else {@code mvn} as a user would have it. */
  private static String mvn() {
    return System.getProperty("lockkit.test.mvn", MavenModule.defaultMvn());
  }

  /** Offline, against this build's local repository: what the build fetched is all there is. */
  private static List<String> reactorRepository() {
    String repo = System.getProperty("lockkit.test.maven.repo.local");
    return repo == null ? List.of() : List.of("-Dmaven.repo.local=" + repo);
  }

  private static List<Path> classpath(Path dir) throws MavenModuleException {
    return MavenModule.classpath(dir, mvn(), true, reactorRepository());
  }

  @Test
  void thePluginIsNamedByItsFullPinnedCoordinatesAndOfflineIsTheUsersChoice() {
    String pinned = System.getProperty("lockkit.test.dependency-plugin.version");
    if (pinned != null) {
      assertEquals(pinned, MavenModule.DEPENDENCY_PLUGIN_VERSION, "filtered from the parent pom");
    }
    assertEquals(
        "org.apache.maven.plugins:maven-dependency-plugin:"
            + MavenModule.DEPENDENCY_PLUGIN_VERSION
            + ":build-classpath",
        MavenModule.GOAL);
    Path out = root.resolve("cp.txt");
    List<String> online = MavenModule.command("mvn", false, List.of(), out);
    assertEquals(
        List.of("mvn", "-B", "-q", MavenModule.GOAL, "-Dmdep.outputFile=" + out.toAbsolutePath()),
        online);
    List<String> offline = MavenModule.command("mvn", true, List.of("-Dx=y"), out);
    assertEquals(
        List.of(
            "mvn",
            "-B",
            "-q",
            "-o",
            "-Dx=y",
            MavenModule.GOAL,
            "-Dmdep.outputFile=" + out.toAbsolutePath()),
        offline);
  }

  @Test
  void classPathIsMavensThenTheModulesOwnClassesAndSources() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "pom.xml", pom(PICOCLI_DEPENDENCY),
            "src/main/java/p/A.java", "package p;\nclass A {}\n",
            "target/classes/p/.keep", ""));
    List<Path> cp = classpath(root);
    assertEquals(3, cp.size(), cp.toString());
    assertTrue(cp.get(0).getFileName().toString().equals("picocli-" + PICOCLI + ".jar"), cp + "");
    assertEquals(root.resolve("target/classes").toAbsolutePath().normalize(), cp.get(1));
    assertEquals(root.resolve("src/main/java").toAbsolutePath().normalize(), cp.get(2));
  }

  @Test
  void dependenciesAloneLeaveOutTheModulesOwnClassesAndSources() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "pom.xml", pom(PICOCLI_DEPENDENCY),
            "src/main/java/p/A.java", "package p;\nclass A {}\n",
            "target/classes/p/.keep", ""));
    List<Path> deps = MavenModule.dependencies(root, mvn(), true, reactorRepository());
    assertEquals(1, deps.size(), deps.toString());
    assertEquals("picocli-" + PICOCLI + ".jar", deps.get(0).getFileName().toString());
  }

  @Test
  void aTemplateNamingADependencysTypeResolvesThroughTheModule() {
    TestTrees.write(
        root,
        Map.of(
            "pom.xml",
            pom(PICOCLI_DEPENDENCY),
            "T.java",
            """
            import picocli.CommandLine;
            class T {
              class Usage {
                @BeforeTemplate String before(CommandLine c) { return c.getCommandName(); }
                @AfterTemplate String after(CommandLine c) { return c.getCommandSpec().name(); }
              }
            }
            """,
            "src/main/java/p/A.java",
            "package p;\nimport picocli.CommandLine;\nclass A {\n"
                + "  String f(CommandLine c) {\n    return c.getCommandName();\n  }\n}\n"));
    MigrateCommand cmd = new MigrateCommand();
    cmd.mvn = mvn();
    cmd.mavenArgs = reactorRepository();
    Run r =
        run(
            cmd,
            "--check",
            "--offline",
            "--templates",
            root.resolve("T.java").toString(),
            "--maven-module",
            root.toString(),
            root.resolve("src").toString());
    // Exit 1: the site would be rewritten, which needs picocli's types resolved.
    assertEquals(1, r.code, r.err + r.out);
    assertTrue(r.out.contains("1 site(s) to rewrite"), r.out);
    // Without the module's class path the template's types do not resolve.
    Run without =
        run(
            "--check",
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(2, without.code, without.err + without.out);
  }

  @Test
  void aDirectoryWithoutPomIsExitTwoNamingIt() {
    TestTrees.write(root, Map.of("T.java", "class T {}\n", "src/p/A.java", "package p;\n"));
    Run r = run("--templates", root.resolve("T.java").toString(), "--maven-module", root + "", ".");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--maven-module " + root + ": no pom.xml"), r.err);
    assertFalse(r.err.contains("at dev."), r.err);
  }

  @Test
  void mvnNotFoundIsExitTwoNamingTheModule() {
    TestTrees.write(root, Map.of("pom.xml", pom(""), "T.java", "class T {}\n"));
    MavenModuleException e =
        assertThrows(
            MavenModuleException.class,
            () -> MavenModule.classpath(root, root.resolve("no-such-mvn").toString()));
    assertTrue(e.getMessage().startsWith("--maven-module " + root + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
    MigrateCommand cmd = new MigrateCommand();
    cmd.mvn = "no-such-mvn-on-any-path";
    Run r =
        run(
            cmd,
            "--templates",
            root.resolve("T.java").toString(),
            "--maven-module",
            root.toString(),
            root.toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("'no-such-mvn-on-any-path' not found on the PATH"), r.err);
  }

  @Test
  void aBuildFailureIsExitTwoWithMavensErrorAndWhatToRun() {
    TestTrees.write(
        root,
        Map.of(
            "pom.xml",
            pom(
                "<dependency><groupId>example.missing</groupId><artifactId>nowhere</artifactId>"
                    + "<version>0.0.1</version></dependency>"),
            "T.java",
            "class T {}\n"));
    MavenModuleException e = assertThrows(MavenModuleException.class, () -> classpath(root));
    assertTrue(
        e.getMessage()
            .startsWith(
                "--maven-module " + root + ": mvn -o " + MavenModule.GOAL + " failed (exit 1)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("example.missing:nowhere"), e.getMessage());
    // Offline: the advice is the same goal run once online, by full coordinates.
    assertTrue(
        e.getMessage().contains("run once online to download the plugin and dependencies: cd "),
        e.getMessage());
    assertTrue(e.getMessage().contains("mvn -B " + MavenModule.GOAL), e.getMessage());
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    return run(new MigrateCommand(), args);
  }

  private Run run(MigrateCommand cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
