package dev.lockkit.analyzer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The analyzer on lockkit itself: every module's {@code src/main/java} under the checkout (the
 * parent of this module's directory) with the project's {@code lockkit-rules.txt}. No package or
 * module may be part of a cycle. The module is always built inside the checkout, so missing sibling
 * modules or rules file fail the test (never a skip, which CI would count as a pass).
 */
class DogfoodTest {

  @Test
  void lockkitHasNoPackageOrModuleCycles() throws Exception {
    Path checkout = Path.of("..").toAbsolutePath().normalize();
    Path rules = checkout.resolve("lockkit-rules.txt");
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(checkout)) {
      modules
          .map(m -> m.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .sorted()
          .forEach(roots::add);
    }
    assertTrue(roots.contains(checkout.resolve("lockcore/src/main/java")), "lockcore is present");
    assertTrue(Files.isRegularFile(rules), "lockkit-rules.txt is present");
    AnalysisResult r = Analyzer.on(roots).rules(rules).displayBase(checkout).run();
    assertTrue(r.graph().packageCount() > 5, "found the project's packages");
    List<Finding> cycles = new ArrayList<>(r.findings("cycle/package"));
    cycles.addAll(r.findings("cycle/module"));
    assertEquals(List.of(), cycles);
    // Layer findings are printed, not asserted: CI's own `lockkit analyze` run gates on them.
    r.findings("layer/forbidden")
        .forEach(f -> System.out.println(f.location() + ": " + f.message()));
  }
}
