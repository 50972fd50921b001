package dev.lockkit.refactor.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The move campaign on commons-lang3 3.20.0 and jackson-databind 2.18.2 ({@link MoveCampaign}): no
 * move predicted safe may break. The build copies their sources jars (and jackson-databind's class
 * path) to {@code target/campaign-libs}, so the test never lacks its input.
 *
 * <p>By default each library gets {@code lockkit.campaign.n} = 10 moves (CI: a couple of minutes);
 * {@code bench/run-move-campaign.sh} runs 150 each (300 in all) and keeps the report.
 */
// Not tagged "slow": the default build (and so CI) runs it at 10 moves per library; only
// MoveVsJavacTest, which takes minutes, stays opt-in.
class MoveCampaignTest {

  @Test
  void noMovePredictedSafeBreaksOnCommonsLang3AndJacksonDatabind() throws Exception {
    int n = Integer.getInteger("lockkit.campaign.n", 10);
    long seed = Long.getLong("lockkit.campaign.seed", 19L);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    List<MoveCampaign.Library> libs = libraries();
    StringBuilder report = new StringBuilder();
    int safeBroken = 0;
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
      safeBroken += t.safeBroken;
    }
    Files.writeString(work.resolve("report.txt"), report.toString());
    System.out.println(report);
    assertEquals(0, safeBroken, report.toString());
  }

  @Test
  void noMoveOfATypeNestedTwoLevelsDeepPredictedSafeBreaks() throws Exception {
    int n = Integer.getInteger("lockkit.campaign.n", 10);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    StringBuilder report = new StringBuilder();
    int safeBroken = 0;
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
      safeBroken += t.safeBroken;
      judged += t.tried();
    }
    System.out.println("types nested two or more levels deep, moved out:\n" + report);
    assertTrue(judged > 0, "the libraries have types nested two levels deep: " + report);
    assertEquals(0, safeBroken, report.toString());
  }

  @Test
  void noMoveOfANestedTypeIntoAnotherTypePredictedSafeBreaks() throws Exception {
    // Its own size, so one run can take 150 drawn moves and 100 of these per library.
    int n =
        Integer.getInteger("lockkit.campaign.into.n", Integer.getInteger("lockkit.campaign.n", 10));
    long seed = Long.getLong("lockkit.campaign.seed", 19L);
    Path work = Files.createDirectories(Path.of("target", "move-campaign"));
    StringBuilder report = new StringBuilder();
    int safeBroken = 0;
    int judged = 0;
    for (MoveCampaign.Library lib : libraries()) {
      MoveCampaign c = new MoveCampaign(lib, work);
      assertEquals("", c.prepare(), lib.name() + ": the tree before must compile");
      long t0 = System.nanoTime();
      MoveCampaign.Tally t = c.runNestedIntoType(n, seed);
      report.append(MoveCampaign.report(lib, seed, t, (System.nanoTime() - t0) / 1e9));
      Files.writeString(work.resolve(lib.name() + "-into.log"), t.log.toString());
      safeBroken += t.safeBroken;
      judged += t.tried();
    }
    System.out.println("nested types moved into another type:\n" + report);
    assertTrue(judged > 0, "no nested type was moved: " + report);
    assertEquals(0, safeBroken, report.toString());
  }

  private static List<MoveCampaign.Library> libraries() {
    return List.of(
        new MoveCampaign.Library(
            "commons-lang3-3.20.0", onClasspath("commons-lang3-3.20.0-sources.jar"), List.of()),
        new MoveCampaign.Library(
            "jackson-databind-2.18.2",
            onClasspath("jackson-databind-2.18.2-sources.jar"),
            List.of(
                onClasspath("jackson-core-2.18.2.jar"),
                onClasspath("jackson-annotations-2.18.2.jar"))));
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
