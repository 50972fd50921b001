package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.maven.MavenModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code move --maven-module DIR}: the class path of javac's resolution, its check of the result
 * and {@code --verify} comes from Maven (the shared {@link MavenModule}), never with the module's
 * own {@code target/classes}. Maven runs as in {@code MavenModuleTest}: the Maven of this build,
 * offline, against this build's local repository, where picocli (a dependency of lockkit) always
 * is.
 */
class MoveMavenModuleTest {

  @TempDir Path root;

  private static final String POM =
      """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>example</groupId>
        <artifactId>module</artifactId>
        <version>1</version>
        <dependencies>
          <dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId>
            <version>4.7.7</version></dependency>
        </dependencies>
      </project>
      """;

  private static MoveCommand command() {
    MoveCommand cmd = new MoveCommand();
    cmd.mvn = System.getProperty("lockkit.test.mvn", MavenModule.defaultMvn());
    String repo = System.getProperty("lockkit.test.maven.repo.local");
    cmd.mavenArgs = repo == null ? List.of() : List.of("-Dmaven.repo.local=" + repo);
    return cmd;
  }

  private Path module() throws Exception {
    Files.writeString(root.resolve("pom.xml"), POM);
    Path src = root.resolve("src/main/java");
    write(
        src,
        "a/T.java",
        """
        package a;

        import picocli.CommandLine;

        public final class T {
          public static String name(CommandLine c) {
            return c.getCommandName();
          }
        }
        """);
    write(
        src,
        "a/Use.java",
        """
        package a;

        import picocli.CommandLine;

        final class Use {
          String f(CommandLine c) {
            return T.name(c);
          }
        }
        """);
    return src;
  }

  @Test
  void theModulesDependenciesResolveTheMoveAndTheVerifiedResultCompiles() throws Exception {
    Path src = module();
    Path plan = root.resolve("plan");
    Files.writeString(plan, "move a.T#name to b.Names\n");
    MoveTestSupport.Run r =
        move(
            command(),
            "--plan",
            plan.toString(),
            "--dry-run",
            "--verify",
            "--offline",
            "--maven-module",
            root.toString(),
            src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    // javac bound the call, picocli's argument type included: no fallback to lockkit's lookup.
    assertFalse(r.out().contains("not resolved by javac"), r.out());
    assertTrue(r.out().contains("verify: the result compiles\n"), r.out());

    // Without the module's class path the same call is one javac cannot type: reported, not
    // guessed, and nothing is written.
    MoveTestSupport.Run without = move("--plan", plan.toString(), "--dry-run", src.toString());
    assertEquals(1, without.exit(), without.out() + without.err());
    assertTrue(without.out().contains("move/unresolved"), without.out());
    assertTrue(without.out().contains("not resolved by javac"), without.out());
  }

  @Test
  void aDirectoryWithoutPomIsExitTwoNamingItAndNothingIsWritten() throws Exception {
    Path src = module();
    Files.delete(root.resolve("pom.xml"));
    Path plan = root.resolve("plan");
    Files.writeString(plan, "move a.T#name to b.Names\n");
    Map<String, String> before = snapshot(root);
    MoveTestSupport.Run r =
        move(
            command(),
            "--plan",
            plan.toString(),
            "--maven-module",
            root.toString(),
            src.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertEquals(
        "lockkit move: --maven-module "
            + root
            + ": no pom.xml in "
            + root
            + " (not a Maven module)\n",
        r.err());
    assertEquals(before, snapshot(root));
  }
}
