package dev.lockkit.golden.junit;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.jvm.InstrumentingLoader;
import dev.lockkit.golden.jvm.JvmExplorer;
import dev.lockkit.golden.matrix.Variant;
import java.util.List;
import java.util.Locale;

/**
 * The approved text of a JUnit golden test (its name is the file's, not in the text, so two
 * versions of a test can be compared byte for byte). First the coverage stamp (mode, schedules,
 * search, what the engine saw, caveats); then the behaviour: each outcome with its grade, and
 * declared outcomes never reached; then the exploration: each outcome's schedule count, first
 * schedule and trace, one step per line with its source file and line. A change that keeps
 * behaviour but moves code changes only the last part.
 */
final class GoldenText {

  private GoldenText() {}

  static String render(
      String name,
      Variant variant,
      JvmExplorer.Result r,
      List<Golden.Graded> graded,
      List<Outcome> declared,
      InstrumentingLoader loader) {
    Exploration x = r.exploration();
    StringBuilder sb = new StringBuilder();
    if (variant != null) {
      sb.append("variant: ").append(variant.id()).append('\n');
    }
    sb.append("mode: ").append(x.mode().describe()).append('\n');
    sb.append("schedules: ").append(x.schedules()).append('\n');
    sb.append("search: ").append(x.coverage()).append('\n');
    sb.append("engine: instrumented packages ")
        .append(String.join(", ", loader.packages()))
        .append("; a call into other code is one atomic step\n");
    for (String c : r.caveats()) {
      sb.append("caveat: ").append(c).append('\n');
    }
    sb.append("outcomes: ").append(x.outcomes().size()).append('\n');
    sb.append("\n== behaviour\n");
    for (Golden.Graded g : graded) {
      sb.append(oneLine(g.outcome().text())).append("  [").append(grade(g)).append("]\n");
    }
    for (Outcome d : declared) {
      boolean reached = graded.stream().anyMatch(g -> g.declared() == d);
      if (!reached) {
        sb.append("never reached: /")
            .append(d.id())
            .append("/ ")
            .append(d.expect().name().toLowerCase(Locale.ROOT))
            .append(d.desc().isEmpty() ? "" : " (" + d.desc() + ")")
            .append(x.complete() ? "" : " (search not complete)")
            .append('\n');
      }
    }
    sb.append("\n== exploration\n");
    int i = 1;
    for (Golden.Graded g : graded) {
      Exploration.Outcome o = g.outcome();
      sb.append("\n-- outcome ")
          .append(i++)
          .append(" of ")
          .append(graded.size())
          .append(" (")
          .append(o.count())
          .append(o.count() == 1 ? " schedule" : " schedules")
          .append("): ")
          .append(oneLine(o.text()))
          .append('\n');
      sb.append("first schedule: ").append(o.first()).append('\n');
      sb.append(o.firstTrace());
    }
    return sb.toString();
  }

  private static String grade(Golden.Graded g) {
    if (g.declared() == null) {
      return g.forbidden() ? "forbidden: declared by no @Outcome" : "acceptable";
    }
    String s = g.declared().expect().name().toLowerCase(Locale.ROOT);
    return g.declared().desc().isEmpty() ? s : s + ": " + g.declared().desc();
  }

  private static String oneLine(String text) {
    return text.strip().replace("\n", " / ");
  }
}
