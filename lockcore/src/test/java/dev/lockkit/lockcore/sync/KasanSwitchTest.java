package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model's KASAN switch ({@link Kasan}): off by default, the real JVM does not check for
 * use-after-free; on (system property or {@link Kasan#enable()}), it does, also in code C2 compiled
 * while it was off; a controlled platform checks whatever the switch says. Each case runs {@link
 * KasanMain} in a fresh JVM ({@code -Xbatch}: the warm-up's compilations finish before the switch
 * flips), since this test JVM turned the switch on for other tests.
 */
class KasanSwitchTest {

  @Test
  void offByDefaultTheRealJvmDoesNotCheckButAControlledPlatformDoes() throws Exception {
    Map<String, String> out = run("off");
    assertEquals("false", out.get("start"));
    assertEquals("200000", out.get("warm"));
    assertEquals("unchecked", out.get("jvmBefore"));
    assertEquals("false", out.get("enabled"));
    assertEquals("unchecked", out.get("jvmAfter"));
    assertEquals("caught", out.get("controlled"));
    assertEquals("int.get", out.get("controlledOps"), "the check keeps its scheduling point");
  }

  @Test
  void enablingItMakesCompiledChecksFire() throws Exception {
    Map<String, String> out = run("enable");
    assertEquals("false", out.get("start"));
    assertEquals("unchecked", out.get("jvmBefore"));
    assertEquals("true", out.get("enabled"));
    assertEquals("caught", out.get("jvmAfter"), "the accessor compiled with the check folded");
    assertEquals("unchecked", out.get("alive"), "a live object passes the check");
    assertEquals("caught", out.get("controlled"));
    assertEquals("int.get", out.get("controlledOps"));
  }

  @Test
  void theSystemPropertyTurnsItOnAtStartUp() throws Exception {
    Map<String, String> out = run("property", "-D" + Kasan.PROPERTY + "=true");
    assertEquals("true", out.get("start"));
    assertEquals("caught", out.get("jvmBefore"));
    assertEquals("caught", out.get("jvmAfter"));
    assertEquals("caught", out.get("controlled"));
  }

  private static Map<String, String> run(String mode, String... jvmArgs)
      throws IOException, InterruptedException {
    return ChildJvm.run(KasanMain.class, mode, "64m", 120, jvmArgs);
  }
}
