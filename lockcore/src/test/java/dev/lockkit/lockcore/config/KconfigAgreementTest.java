package dev.lockkit.lockcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code lockcore/Kconfig} and {@link Option}'s dependencies in agreement. The test reads
 * just the subset of Kconfig this project uses: {@code config}, {@code depends on}, {@code
 * if}/{@code endif} (which adds its condition to every config inside) and ignores the rest.
 */
class KconfigAgreementTest {

  private static Map<String, List<String>> readKconfig() throws IOException {
    Path file = Path.of("Kconfig");
    assertTrue(Files.exists(file), "lockcore/Kconfig must exist beside pom.xml");
    Map<String, List<String>> deps = new LinkedHashMap<>();
    Deque<String> ifs = new ArrayDeque<>();
    String current = null;
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.startsWith("config ")) {
        current = line.substring("config ".length()).strip();
        deps.put(current, new ArrayList<>(ifs));
      } else if (line.startsWith("if ")) {
        ifs.addLast(line.substring(3).replaceAll("#.*", "").strip());
        current = null;
      } else if (line.startsWith("endif")) {
        ifs.removeLast();
        current = null;
      } else if (line.startsWith("menu") || line.startsWith("endmenu")) {
        current = null;
      } else if (line.startsWith("depends on ") && current != null) {
        deps.get(current).add(line.substring("depends on ".length()).strip());
      }
    }
    return deps;
  }

  @Test
  void kconfigDeclaresExactlyTheJavaOptions() throws IOException {
    Set<String> javaNames = new java.util.TreeSet<>();
    for (Option o : Option.values()) {
      javaNames.add(o.name());
    }
    assertEquals(javaNames, new java.util.TreeSet<>(readKconfig().keySet()));
  }

  @Test
  void kconfigDependenciesMatchJavaDependenciesOnEveryAssignment() throws IOException {
    Map<String, List<String>> kconfig = readKconfig();
    Option[] options = Option.values();
    for (Option o : options) {
      List<ConfigExpr> parts = new ArrayList<>();
      for (String text : kconfig.get(o.name())) {
        parts.add(ConfigExpr.parse(text));
      }
      ConfigExpr java = o.dependency();
      for (int mask = 0; mask < (1 << options.length); mask++) {
        Set<Option> on = EnumSet.noneOf(Option.class);
        for (Option x : options) {
          if ((mask & (1 << x.ordinal())) != 0) {
            on.add(x);
          }
        }
        boolean k = parts.stream().allMatch(p -> p.eval(on::contains));
        assertEquals(
            java.eval(on::contains),
            k,
            o
                + ": Kconfig says "
                + kconfig.get(o.name())
                + ", Option says '"
                + o.dependsOn()
                + "'");
      }
    }
  }
}
