package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SARIF 2.1.0, as code-scanning services read it: one run, the rules that ran (plus any rule that
 * produced a finding) as {@code reportingDescriptor}s, one result per finding with its physical
 * location, related locations, a {@code partialFingerprints} entry holding the baseline key (so
 * services track a finding across edits the same way baselines do) and, for gating findings, the
 * witness configuration in the result's property bag. {@code invocations[0].executionSuccessful} is
 * false when some files could not be analysed. A test validates the output against the official
 * schema.
 */
final class SarifReporter implements Reporter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /**
   * lockkit's version ({@code tool.driver.version} and {@code semanticVersion}), which
   * code-scanning services show beside each alert; filtered into {@code tool-version.properties} by
   * Maven.
   */
  static final String VERSION = toolVersion();

  private static String toolVersion() {
    java.util.Properties p = new java.util.Properties();
    try (java.io.InputStream in =
        SarifReporter.class.getResourceAsStream("tool-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      // unreadable resource: report "unknown" rather than fail a report over its metadata
    }
    String v = p.getProperty("version", "unknown");
    return v.contains("${") ? "unknown" : v;
  }

  @Override
  public String render(Report report) {
    TreeSet<String> ruleIds = new TreeSet<>(report.rules());
    report.findings().forEach(f -> ruleIds.add(f.rule()));
    List<String> rules = new ArrayList<>(ruleIds);
    Json j = new Json().beginObject();
    j.field("$schema", SCHEMA).field("version", "2.1.0");
    j.name("runs").beginArray().beginObject();
    j.name("tool").beginObject().name("driver").beginObject();
    j.field("name", "lockkit").field("informationUri", "https://github.com/lockkit/lockkit");
    j.field("version", VERSION).field("semanticVersion", VERSION);
    j.name("rules").beginArray();
    for (String id : rules) {
      j.beginObject();
      j.field("id", id);
      j.name("shortDescription").beginObject().field("text", RuleDescriptions.of(id)).endObject();
      j.endObject();
    }
    j.endArray();
    j.endObject().endObject();
    j.name("invocations").beginArray().beginObject();
    j.field("executionSuccessful", report.summary().complete());
    j.endObject().endArray();
    j.name("results").beginArray();
    for (Finding f : report.findings()) {
      j.beginObject();
      j.field("ruleId", f.rule()).field("ruleIndex", rules.indexOf(f.rule()));
      j.field("level", level(f.severity()));
      j.name("message").beginObject().field("text", f.message()).endObject();
      j.name("locations").beginArray();
      location(j, f.location(), -1);
      j.endArray();
      if (!f.related().isEmpty()) {
        j.name("relatedLocations").beginArray();
        for (int i = 0; i < f.related().size(); i++) {
          location(j, f.related().get(i), i);
        }
        j.endArray();
      }
      j.name("partialFingerprints")
          .beginObject()
          .field("lockkitKey/v1", f.baselineKey())
          .endObject();
      if (!f.witness().isEmpty()) {
        j.name("properties").beginObject().name("witness").beginObject();
        for (Map.Entry<String, Boolean> e : f.witness().entrySet()) {
          j.field(e.getKey(), e.getValue());
        }
        j.endObject().endObject();
      }
      j.endObject();
    }
    j.endArray();
    j.endObject().endArray();
    j.endObject();
    return j.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static void location(Json j, Location l, int id) {
    j.beginObject();
    if (id >= 0) {
      j.field("id", id);
    }
    j.name("physicalLocation").beginObject();
    j.name("artifactLocation").beginObject().field("uri", uri(l.path())).endObject();
    if (l.line() > 0) {
      j.name("region").beginObject().field("startLine", l.line());
      if (l.column() > 0) {
        j.field("startColumn", l.column());
      }
      j.endObject();
    }
    j.endObject();
    j.endObject();
  }

  /** A relative path as a relative URI reference, an absolute one as a {@code file:} URI. */
  static String uri(String path) {
    try {
      if (path.startsWith("/")) {
        return new URI("file", "", path, null).toASCIIString();
      }
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path;
    }
  }
}
