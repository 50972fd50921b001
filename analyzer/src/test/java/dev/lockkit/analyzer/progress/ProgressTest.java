package dev.lockkit.analyzer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aBarRedrawsInPlaceOncePerPercentAndIsErasedWhenDone() {
    StringWriter out = new StringWriter();
    Progress p = Progress.always(new PrintWriter(out));
    for (int i = 1; i <= 4; i++) {
      p.update("compiling variants", i, 4);
    }
    p.done();
    String s = out.toString();
    assertEquals(4, s.split("lockkit: compiling variants", -1).length - 1, s);
    assertTrue(s.contains("\rlockkit: compiling variants [###############               ] 2/4"), s);
    assertTrue(s.endsWith("\r"), "erased when done");
    assertFalse(s.contains("\n"), "never scrolls");
  }

  @Test
  void aShorterLineOverwritesTheRestOfALongerOne() {
    StringWriter out = new StringWriter();
    Progress p = Progress.always(new PrintWriter(out));
    p.update("materialising variants", 1, 10);
    p.update("compiling", 1, 10);
    String second = out.toString().substring(out.toString().lastIndexOf('\r'));
    String first = out.toString().substring(0, out.toString().lastIndexOf('\r'));
    assertEquals(first.length(), second.length(), "padded to the old line's length");
  }

  @Test
  void quietOrNoTerminalDrawsNothing() {
    StringWriter out = new StringWriter();
    Progress p = Progress.onTerminal(new PrintWriter(out), true);
    p.update("x", 1, 2);
    p.done();
    assertFalse(p.enabled());
    assertEquals("", out.toString());
    // Under Surefire stdout is a pipe, so there is no terminal either.
    assertFalse(Progress.onTerminal(new PrintWriter(out), false).enabled());
  }

  @Test
  void onlyTerminalDevicesCountAsTerminals() {
    assertTrue(Progress.isTerminalDevice("/dev/pts/3"));
    assertTrue(Progress.isTerminalDevice("/dev/tty1"));
    assertFalse(Progress.isTerminalDevice("/tmp/build.log"));
    assertFalse(Progress.isTerminalDevice("pipe:[12345]"));
    assertFalse(Progress.isTerminalDevice("/dev/null"));
  }
}
