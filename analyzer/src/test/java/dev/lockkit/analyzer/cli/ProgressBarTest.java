package dev.lockkit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void smallInputsDrawNothing() {
    StringWriter out = new StringWriter();
    AnalyzeCommand.ProgressBar bar = new AnalyzeCommand.ProgressBar(new PrintWriter(out));
    for (int i = 1; i <= 10; i++) {
      bar.filesDone(i, 10);
    }
    assertEquals("", out.toString());
  }

  @Test
  void largeInputsRedrawOncePerPercentAndClearTheLineAtTheEnd() {
    StringWriter out = new StringWriter();
    AnalyzeCommand.ProgressBar bar = new AnalyzeCommand.ProgressBar(new PrintWriter(out));
    int total = 2000;
    for (int i = 1; i <= total; i++) {
      bar.filesDone(i, total);
    }
    String s = out.toString();
    assertEquals(
        101, s.split("lockkit: parsing", -1).length - 1, "one redraw per percent, 0 to 100");
    assertTrue(s.contains("\rlockkit: parsing [###############               ] 1000/2000"), s);
    assertTrue(s.endsWith("\r"), "the bar is erased when done");
    assertTrue(!s.contains("\n"), "never scrolls the terminal");
  }
}
