package dev.lockkit.bench.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a migration's CPU time goes, from JDK Flight Recorder's execution samples: each sample is
 * charged to the innermost frame that belongs to a known activity: javac's attribution (and the
 * copy of its answers into lockkit's records), parsing, matching, rewriting, the sites-left search
 * and gating.
 */
final class SampleProfile {

  private SampleProfile() {}

  /** A body that may throw. */
  interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body} under a 10 ms execution-sample recording; returns samples per activity. */
  static Map<String, Long> record(Path file, Body body) throws Exception {
    try (Recording r = new Recording()) {
      r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
      r.start();
      body.run();
      r.stop();
      r.dump(file);
    }
    Map<String, Long> out = new TreeMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      out.merge(classify(e.getStackTrace().getFrames()), 1L, Long::sum);
    }
    return out;
  }

  private static String classify(List<RecordedFrame> frames) {
    return innermost(frames);
  }

  private static String innermost(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) { // innermost first
      if (f.getMethod() == null) {
        continue;
      }
      String c = f.getMethod().getType().getName();
      if (c.startsWith("com.sun.tools.javac.")
          || c.startsWith("com.sun.source.")
          || c.startsWith("dev.lockkit.refactor.javac.")
          || c.equals("dev.lockkit.refactor.migrate.resolve.OneTask")) {
        return "javac attribution"; // with the copy of javac's answers OneTask makes
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.resolve.Workspace")
          || c.equals("dev.lockkit.refactor.migrate.resolve.PackageScan")) {
        return "reading";
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.resolve.")) {
        // A look-up of javac's recorded answers (Symbols, CodeTypes): charged to whoever asked,
        // matching or sites left, or OneTask while it copies them.
        continue;
      }
      if (c.startsWith("com.github.javaparser.")
          && (c.contains("GeneratedJavaParser")
              || c.contains("JavaParser")
              || c.contains("Token")
              || c.contains("CharStream")
              || c.contains("Provider"))) {
        return "parse";
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.match")) {
        return "matching";
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.rewrite")
          || c.startsWith("dev.lockkit.refactor.edit")
          || c.startsWith("dev.lockkit.refactor.migrate.FilePlan")) {
        return "rewriting";
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.SitesLeft")) {
        return "sites left";
      }
      if (c.startsWith("dev.lockkit.refactor.migrate.gate")) {
        return "gating";
      }
    }
    return "other (JDK, GC-free runtime, AST walking)";
  }
}
