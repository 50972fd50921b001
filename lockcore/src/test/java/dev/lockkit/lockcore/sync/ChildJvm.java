package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM for a test whose subject is a JIT-wide switch (a folded constant, a switch point):
 * {@code -Xbatch} so that what the child's warm-up compiles is compiled before it goes on, and the
 * test's class path. The child prints {@code key=value} lines; they come back as a map.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code mode} as its argument, {@code heap} as {@code -Xmx} and {@code
   * jvmArgs} before the class path; fails the test if it does not end within {@code seconds} or
   * exits non-zero.
   */
  public static Map<String, String> run(
      Class<?> main, String mode, String heap, int seconds, String... jvmArgs)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xbatch", "-Xmx" + heap));
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), mode));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(mode + ": the child JVM did not finish\n" + text);
    }
    assertEquals(0, p.exitValue(), () -> mode + ": the child JVM failed\n" + text);
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return out;
  }
}
