package dev.lockkit.refactor.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The move campaign ({@link MoveCampaign}): no move predicted safe may break. By default on
 * commons-lang3 3.20.0 and jackson-databind 2.18.2; {@code -Dlockkit.campaign.libs=new} runs gson,
 * jsoup and joda-time instead ({@link #libraries}). The build copies every library's sources jar
 * (and its class path) to {@code target/campaign-libs}, so the test never lacks its input.
 *
 * <p>By default each library gets {@code lockkit.campaign.n} = 10 moves (CI: a couple of minutes);
 * {@code bench/run-move-campaign.sh} runs 150 each (300 in all) and keeps the report.
 */
// Not tagged "slow": the default build (and so CI) runs it at 10 moves per library; only
// MoveVsJavacTest, which takes minutes, stays opt-in.
class MoveCampaignTest {

  @Test
  void noDrawnMovePredictedSafeBreaks() throws Exception {
    int n = Integer.getInteger("lockkit.campaign.n", 10);
    long seed = Long.getLong("lockkit.campaign.seed", 19L);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    List<MoveCampaign.Library> libs = libraries();
    StringBuilder report = new StringBuilder();
    int defects = 0; // predicted safe but broke, or crashed
    for (MoveCampaign.Library lib : libs) {
      MoveCampaign c = new MoveCampaign(lib, work);
      assertEquals("", c.prepare(), lib.name() + ": the tree before must compile");
      long t0 = System.nanoTime();
      MoveCampaign.Tally t = c.run(n, seed);
      double s = (System.nanoTime() - t0) / 1e9;
      report.append(MoveCampaign.report(lib, seed, t, s));
      report.append(
          String.format(
              "  time: what-if %.0f s, javac judging %.0f s%n%n", c.seconds()[0], c.seconds()[1]));
      Files.writeString(work.resolve(lib.name() + ".log"), t.log.toString());
      defects += t.safeBroken + t.crashed;
    }
    Files.writeString(work.resolve("report.txt"), report.toString());
    System.out.println(report);
    assertEquals(0, defects, report.toString());
  }

  @Test
  void noMoveOfATypeNestedTwoLevelsDeepPredictedSafeBreaks() throws Exception {
    int n = Integer.getInteger("lockkit.campaign.n", 10);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    StringBuilder report = new StringBuilder();
    int defects = 0; // predicted safe but broke, or crashed
    int judged = 0;
    for (MoveCampaign.Library lib : libraries()) {
      MoveCampaign c = new MoveCampaign(lib, work);
      assertEquals("", c.prepare(), lib.name() + ": the tree before must compile");
      long t0 = System.nanoTime();
      MoveCampaign.Tally t = c.runDeeplyNested(n);
      report.append(
          MoveCampaign.report(lib, -1, t, (System.nanoTime() - t0) / 1e9)
              .replace(", seed -1:", ", every type nested two or more levels deep:"));
      Files.writeString(work.resolve(lib.name() + "-deep.log"), t.log.toString());
      defects += t.safeBroken + t.crashed;
      judged += t.tried();
    }
    Files.writeString(work.resolve("report-deep.txt"), report.toString());
    System.out.println("types nested two or more levels deep, moved out:\n" + report);
    assertTrue(judged > 0, "the libraries have types nested two levels deep: " + report);
    assertEquals(0, defects, report.toString());
  }

  @Test
  void noMoveOfANestedTypeIntoAnotherTypePredictedSafeBreaks() throws Exception {
    // Its own size, so one run can take 150 drawn moves and 100 of these per library.
    int n =
        Integer.getInteger("lockkit.campaign.into.n", Integer.getInteger("lockkit.campaign.n", 10));
    long seed = Long.getLong("lockkit.campaign.seed", 19L);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    StringBuilder report = new StringBuilder();
    int defects = 0; // predicted safe but broke, or crashed
    int judged = 0;
    for (MoveCampaign.Library lib : libraries()) {
      MoveCampaign c = new MoveCampaign(lib, work);
      assertEquals("", c.prepare(), lib.name() + ": the tree before must compile");
      long t0 = System.nanoTime();
      MoveCampaign.Tally t = c.runNestedIntoType(n, seed);
      report.append(MoveCampaign.report(lib, seed, t, (System.nanoTime() - t0) / 1e9));
      Files.writeString(work.resolve(lib.name() + "-into.log"), t.log.toString());
      defects += t.safeBroken + t.crashed;
      judged += t.tried();
    }
    Files.writeString(work.resolve("report-into.txt"), report.toString());
    System.out.println("nested types moved into another type:\n" + report);
    assertTrue(judged > 0, "no nested type was moved: " + report);
    assertEquals(0, defects, report.toString());
  }

  /**
   * The libraries of this run: {@code lockkit.campaign.libs} is a comma-separated list of library
   * names or groups: {@code default} (commons-lang3 and jackson-databind, the campaign's libraries
   * since it began, so its tallies stay comparable), {@code new} (gson, jsoup and joda-time, code
   * the campaign was not tuned on), {@code all}.
   */
  static List<MoveCampaign.Library> libraries() {
    Map<String, MoveCampaign.Library> known = new LinkedHashMap<>();
    for (MoveCampaign.Library l :
        List.of(
            new MoveCampaign.Library(
                "commons-lang3-3.20.0", onClasspath("commons-lang3-3.20.0-sources.jar"), List.of()),
            new MoveCampaign.Library(
                "jackson-databind-2.18.2",
                onClasspath("jackson-databind-2.18.2-sources.jar"),
                List.of(
                    onClasspath("jackson-core-2.18.2.jar"),
                    onClasspath("jackson-annotations-2.18.2.jar"))),
            // Reflection-heavy, generic type tokens, internal packages; Error Prone's annotations.
            new MoveCampaign.Library(
                "gson-2.13.2",
                onClasspath("gson-2.13.2-sources.jar"),
                List.of(onClasspath("error_prone_annotations-2.41.0.jar"))),
            // A parser: state-machine enums whose constants have bodies, many nested node types.
            new MoveCampaign.Library(
                "jsoup-1.21.2",
                onClasspath("jsoup-1.21.2-sources.jar"),
                List.of(onClasspath("jspecify-1.0.0.jar"))),
            // Pre-generics style: deep class hierarchies, many static factories and nested types.
            new MoveCampaign.Library(
                "joda-time-2.14.0",
                onClasspath("joda-time-2.14.0-sources.jar"),
                List.of(onClasspath("joda-convert-2.2.4.jar"))))) {
      known.put(l.name().substring(0, l.name().lastIndexOf('-')), l);
    }
    Map<String, List<String>> groups =
        Map.of(
            "default", List.of("commons-lang3", "jackson-databind"),
            "new", List.of("gson", "jsoup", "joda-time"),
            "all", List.copyOf(known.keySet()));
    Set<String> names = new LinkedHashSet<>();
    for (String w : System.getProperty("lockkit.campaign.libs", "default").split(",")) {
      String name = w.strip();
      if (name.isEmpty()) {
        continue;
      }
      List<String> group = groups.get(name);
      if (group == null && !known.containsKey(name)) {
        throw new IllegalArgumentException(
            "lockkit.campaign.libs: unknown library '"
                + name
                + "' (known: "
                + String.join(", ", known.keySet())
                + ", or default, new, all)");
      }
      names.addAll(group == null ? List.of(name) : group);
    }
    return names.stream().map(known::get).toList();
  }

  /** A jar the build copied to {@code target/campaign-libs} (see refactor's pom). */
  private static Path onClasspath(String fileName) {
    Path p = Path.of("target", "campaign-libs", fileName);
    assertTrue(
        Files.isRegularFile(p),
        p
            + " is missing: the build copies it (maven-dependency-plugin, phase"
            + " generate-test-resources)");
    return p;
  }
}
