package dev.lockkit.golden.cli;

import dev.lockkit.golden.target.ToyTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A temporary checkout (scenarios, Kconfig, approved dir) and a way to run the command. */
abstract class CommandFixture {

  @TempDir Path root;
  Path scenarios;
  Path approved;
  Path kconfig;

  @BeforeAll
  static void registerToyTarget() {
    Targets.register("toy", () -> new ToyTarget(false));
  }

  @BeforeEach
  void fixture() throws IOException {
    scenarios = Files.createDirectories(root.resolve("scenarios"));
    approved = root.resolve("approved");
    kconfig = root.resolve("Kconfig");
    Files.writeString(
        kconfig,
        """
        config MMU
        \tbool "MMU"
        \tdefault y

        config STATS
        \tbool "fault counter"
        \tdepends on MMU
        """);
    Files.writeString(
        scenarios.resolve("fault-vs-munmap.scn"),
        """
        config: all
        explore: exhaustive preemptions=1
        vma 0x10000 0x20000 rw-
        task:
          fault 0x10000 write
        task:
          munmap 0x10000 0x20000
        """);
    Files.writeString(
        scenarios.resolve("stats-only.scn"),
        """
        config: STATS
        explore: fixed
        vma 0x10000 0x20000 rw-
        task:
          fault 0x10000
        """);
  }

  record Run(int code, String out, String err) {}

  Run golden(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new GoldenCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--scenarios", scenarios.toString(), "--kconfig", kconfig.toString()));
    if (!args[0].equals("diff")) {
      all.addAll(List.of("--target", "toy"));
    }
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  List<String> approvedFiles() throws IOException {
    if (!Files.isDirectory(approved)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(approved)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
