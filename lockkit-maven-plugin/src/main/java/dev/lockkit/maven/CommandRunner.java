package dev.lockkit.maven;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import picocli.CommandLine;

/**
 * Runs a lockkit command in the Maven JVM with the arguments a goal built from its configuration,
 * so the goal and the CLI share one implementation and one set of exit codes: 0 passes, 1 fails the
 * build with the command's finding lines, 2 is a configuration error with its one-line message.
 */
final class CommandRunner {
  private CommandRunner() {}

  /**
   * Executes {@code command} with {@code args}, logs its output, and maps its exit code.
   *
   * @param name the command as the user would type it, for messages ({@code lockkit variants})
   * @param failureLines picks the lines of stdout that name what failed, for the failure message
   */
  static void run(
      Object command,
      String name,
      List<String> args,
      Log log,
      java.util.function.Predicate<String> failureLines)
      throws MojoExecutionException, MojoFailureException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    log.debug(name + " " + String.join(" ", args));
    int rc = cl.execute(args.toArray(String[]::new));
    List<String> lines = out.toString().lines().toList();
    for (String line : lines) {
      if (rc == 1 && failureLines.test(line)) {
        log.error(line);
      } else {
        log.info(line);
      }
    }
    List<String> errors = err.toString().lines().filter(l -> !l.isBlank()).toList();
    switch (rc) {
      case 0 -> errors.forEach(log::warn);
      case 1 -> {
        errors.forEach(log::error);
        throw new MojoFailureException(
            Failures.message(
                name, lines.stream().filter(failureLines).map(String::strip).toList()));
      }
      default ->
          throw new MojoExecutionException(
              errors.isEmpty() ? name + ": exit " + rc : String.join("\n", errors));
    }
  }
}
