package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's CI recipes name real commands and flags: every {@code ./lockkit ...} line of its
 * YAML blocks is parsed by the real command line (not run), with the CI system's placeholders
 * replaced by sample values.
 */
class CiRecipeTest {

  /** A YAML block: from a line {@code ```yaml} to the next line that is only a fence. */
  private static final Pattern YAML =
      Pattern.compile("^```yaml\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void everyLockkitCommandInTheCiRecipesParses() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> commands = new ArrayList<>();
    Matcher m = YAML.matcher(readme);
    while (m.find()) {
      for (String line : m.group(1).split("\n")) {
        int at = line.indexOf("./lockkit ");
        if (at >= 0) {
          commands.add(line.substring(at + "./lockkit ".length()).split(">>")[0].strip());
        }
      }
    }
    assertTrue(commands.size() >= 3, "expected the recipes' lockkit commands, found " + commands);
    for (String command : commands) {
      String concrete =
          command
              .replace("${{ matrix.shard }}", "3")
              .replace("\"$GITHUB_STEP_SUMMARY\"", "summary.md");
      String[] args = concrete.split("\\s+");
      assertDoesNotThrow(
          () -> Main.commandLine().parseArgs(args), "README recipe: lockkit " + command);
      assertTrue(
          Arrays.stream(args).noneMatch(a -> a.contains("${{")),
          "unreplaced placeholder: " + command);
    }
  }
}
