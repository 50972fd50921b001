package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import java.util.List;
import java.util.Map;

/**
 * The JSON report; its schema ({@code schemaVersion} 1) is documented in {@code
 * analyzer/README.md}. Field names are stable, fields appear in a fixed order, findings in {@link
 * Finding#ORDER} and cycle groups by level then key, so equal input gives equal bytes.
 */
final class JsonReporter implements Reporter {

  static final int SCHEMA_VERSION = 1;

  @Override
  public String render(Report report) {
    Json j = new Json().beginObject();
    j.field("schemaVersion", SCHEMA_VERSION).field("tool", "lockkit");
    Report.Summary s = report.summary();
    j.field("complete", s.complete());
    j.name("rules").beginArray();
    report.rules().forEach(j::value);
    j.endArray();
    j.name("summary").beginObject();
    j.field("files", s.files())
        .field("filesNotAnalysed", s.filesNotAnalysed())
        .field("types", s.types())
        .field("packages", s.packages())
        .field("modules", s.modules())
        .field("references", s.references())
        .field("unresolvedReferences", s.unresolvedReferences())
        .field("findings", report.findings().size())
        .field("baselined", s.baselined());
    j.endObject();
    j.name("findings").beginArray();
    for (Finding f : report.findings()) {
      j.beginObject();
      j.field("rule", f.rule()).field("severity", f.severity().label());
      j.name("location");
      location(j, f.location());
      j.field("message", f.message()).field("key", f.key()).field("baselineKey", f.baselineKey());
      j.name("related").beginArray();
      for (Location l : f.related()) {
        location(j, l);
      }
      j.endArray();
      j.name("witness").beginObject();
      for (Map.Entry<String, Boolean> e : f.witness().entrySet()) {
        j.field(e.getKey(), e.getValue());
      }
      j.endObject();
      j.endObject();
    }
    j.endArray();
    j.name("cycles").beginArray();
    for (CycleGroup g : report.cycles()) {
      j.beginObject();
      j.field("level", g.level().label()).field("key", g.key());
      j.name("members").beginArray();
      g.members().forEach(j::value);
      j.endArray();
      j.field("edges", g.edges().size());
      j.name("witness");
      edges(j, g.witness());
      j.name("cut");
      edges(j, g.cut());
      j.endObject();
    }
    j.endArray();
    j.endObject();
    return j.toString();
  }

  private static void edges(Json j, List<CycleGroup.Edge> edges) {
    j.beginArray();
    for (CycleGroup.Edge e : edges) {
      j.beginObject();
      j.field("from", e.from()).field("to", e.to()).field("references", e.references());
      j.name("locations").beginArray();
      for (Location l : e.locations()) {
        location(j, l);
      }
      j.endArray();
      j.endObject();
    }
    j.endArray();
  }

  private static void location(Json j, Location l) {
    j.beginObject();
    j.field("path", l.path()).field("line", l.line()).field("column", l.column());
    j.endObject();
  }
}
