package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --maven-module}: the class path comes from Maven; every way it can fail is exit 2 naming
 * the module. The tests that run Maven use a throw-away module whose only dependency (picocli, the
 * version this build pins) is already in the local repository, so they run offline.
 */
class MavenModuleTest {

  @TempDir Path root;

  private static final String PICOCLI = "4.7.7";
  private static final String DEPENDENCY_PLUGIN = "3.8.1";

  private static String pom(String dependencies) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>module</artifactId>
          <version>1</version>
          <dependencies>%s</dependencies>
          <build><pluginManagement><plugins><plugin>
            <groupId>org.apache.maven.plugins</groupId>
            <artifactId>maven-dependency-plugin</artifactId>
            <version>%s</version>
          </plugin></plugins></pluginManagement></build>
        </project>
        """
        .formatted(dependencies, DEPENDENCY_PLUGIN);
  }

  private static final String PICOCLI_DEPENDENCY =
      "<dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId>"
          + "<version>"
          + PICOCLI
          + "</version></dependency>";

  // --maven-module runs Maven offline, so the throw-away module's dependency and the plugin must
  // already be in the local repository (true wherever this project was built and the benchmark
  // or the Error Prone comparison ran; a fresh machine skips these tests, saying why).
  private static boolean mavenAvailable() {
    Path repo =
        Path.of(
            System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    if (!Files.isDirectory(
            repo.resolve("org/apache/maven/plugins/maven-dependency-plugin/" + DEPENDENCY_PLUGIN))
        || !Files.isDirectory(repo.resolve("info/picocli/picocli/" + PICOCLI))) {
      return false;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isBlank() && Files.isExecutable(Path.of(d, MavenModule.defaultMvn()))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void classPathIsMavensThenTheModulesOwnClassesAndSources() throws Exception {
    assumeTrue(
        mavenAvailable(), "mvn is not on the PATH, or the local repository lacks the plugin");
    TestTrees.write(
        root,
        Map.of(
            "pom.xml", pom(PICOCLI_DEPENDENCY),
            "src/main/java/p/A.java", "package p;\nclass A {}\n",
            "target/classes/p/.keep", ""));
    List<Path> cp = MavenModule.classpath(root, MavenModule.defaultMvn());
    assertEquals(3, cp.size(), cp.toString());
    assertTrue(cp.get(0).getFileName().toString().equals("picocli-" + PICOCLI + ".jar"), cp + "");
    assertEquals(root.resolve("target/classes").toAbsolutePath().normalize(), cp.get(1));
    assertEquals(root.resolve("src/main/java").toAbsolutePath().normalize(), cp.get(2));
  }

  @Test
  void aTemplateNamingADependencysTypeResolvesThroughTheModule() {
    assumeTrue(
        mavenAvailable(), "mvn is not on the PATH, or the local repository lacks the plugin");
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
    Run r =
        run(
            "--check",
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
    MigrationException e =
        assertThrows(
            MigrationException.class,
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
  void aBuildFailureIsExitTwoWithMavensError() {
    assumeTrue(
        mavenAvailable(), "mvn is not on the PATH, or the local repository lacks the plugin");
    TestTrees.write(
        root,
        Map.of(
            "pom.xml",
            pom(
                "<dependency><groupId>example.missing</groupId><artifactId>nowhere</artifactId>"
                    + "<version>0.0.1</version></dependency>"),
            "T.java",
            "class T {}\n"));
    MigrationException e =
        assertThrows(
            MigrationException.class, () -> MavenModule.classpath(root, MavenModule.defaultMvn()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "--maven-module " + root + ": mvn -o dependency:build-classpath failed (exit 1)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("example.missing:nowhere"), e.getMessage());
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
