package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The switch point that lets C2 fold the cells' platform checks on the real JVM ({@link
 * Platforms#othersPossible()}). Each case runs {@link PlatformSwitchMain} in a fresh JVM, since the
 * switch is invalidated once per JVM and this test JVM has long since seen other platforms; {@code
 * -Xbatch} makes C2's compilations of the warm-up finish before the switch flips, so the cells made
 * afterwards go through code compiled with the check folded, unless invalidation deoptimised it.
 */
class PlatformSwitchTest {

  private static final String TOUCHED_OPS =
      "int.get,int.set,long.getAcquire,long.setRelease,ref.getOpaque,ref.cas,"
          + "int.getOpaque,int.cmpxchgAcquire,int.fetchAddRelease,int.get,int.getPlain";

  @Test
  void installInvalidatesTheSwitchAndACellMadeAfterwardsReportsEveryAccess() throws Exception {
    Map<String, String> out = run("install");
    assertEquals("false", out.get("before"));
    assertEquals("true", out.get("after"));
    assertEquals(TOUCHED_OPS, out.get("recorded"));
    assertEquals("true", out.get("restored"), "the switch is never re-armed");
  }

  @Test
  void bindInvalidatesTheSwitchAndACellMadeAfterwardsReportsEveryAccess() throws Exception {
    Map<String, String> out = run("bind");
    assertEquals("false", out.get("before"));
    assertEquals("true", out.get("after"));
    assertEquals(TOUCHED_OPS, out.get("recorded"));
    assertEquals("true", out.get("restored"), "the switch is never re-armed");
  }

  @Test
  void aPlatformHandedToACellConstructorInvalidatesTheSwitch() throws Exception {
    Map<String, String> out = run("cell");
    assertEquals("false", out.get("before"));
    assertEquals("true", out.get("after"));
    assertEquals("int.get,int.set", out.get("recorded"));
  }

  @Test
  void theRealPlatformsCellsKeepWorkingAfterTheSwitchFlips() throws Exception {
    for (String mode : List.of("install", "bind")) {
      Map<String, String> out = run(mode);
      // 200,000 warm-up rounds and 1,000 after, one increment of the int and two of the long
      // each; the refcount returns to 1 every round and the reference holds "x".
      assertEquals("200000", out.get("warm"), mode);
      assertEquals("201000,402000,x,1", out.get("jvm"), mode);
      assertEquals("0", out.get("jvmRecorded"), mode + ": the real JVM's cells reach no platform");
      assertEquals("0", out.get("reports"), mode);
      assertEquals("caught", out.get("poison"), mode + ": the poison check still fires");
    }
  }

  // One child JVM per mode, shared by the cases that read its lines.
  private static final Map<String, Map<String, String>> RUNS = new HashMap<>();

  private static synchronized Map<String, String> run(String mode)
      throws IOException, InterruptedException {
    Map<String, String> done = RUNS.get(mode);
    if (done == null) {
      done = launch(mode);
      RUNS.put(mode, done);
    }
    return done;
  }

  private static Map<String, String> launch(String mode) throws IOException, InterruptedException {
    // The case "the poison check still fires" needs the real JVM's checks on.
    return ChildJvm.run(
        PlatformSwitchMain.class, mode, "64m", 120, "-D" + Kasan.PROPERTY + "=true");
  }
}
