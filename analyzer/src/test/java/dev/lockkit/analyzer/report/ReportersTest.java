package dev.lockkit.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportersTest {

  @TempDir static Path dir;
  static Report report;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void analyse() throws Exception {
    AnalysisResult r = Samples.analyse(dir);
    report = r.report(Baseline.empty());
  }

  @Test
  void sampleHasEveryKindOfFinding() {
    Set<String> rules = new java.util.TreeSet<>();
    report.findings().forEach(f -> rules.add(f.rule()));
    assertEquals(
        Set.of(
            "cycle/package",
            "cycle/type",
            "layer/forbidden",
            "input/parse",
            "gate/unguarded-reference"),
        rules);
    assertFalse(report.summary().complete());
  }

  @Test
  void textIsCompilerStyle() {
    String text = Reporter.forFormat("text").render(report);
    assertTrue(
        text.contains(
            "src/x/a/A.java:3:18: error: [cycle/package] 2 packages in a dependency cycle"),
        text);
    assertTrue(text.contains("  src/x/b/B.java:2:18: note: x.b -> x.a (1 reference)"), text);
    assertTrue(text.contains("src/x/broken/Broken.java:3:"), text);
    assertTrue(text.contains("[with MMU=y, PER_VMA_LOCK=n]"), text);
    assertTrue(text.contains("lockkit: INCOMPLETE: 1 file could not be analysed"), text);
    for (String line : text.split("\n")) {
      assertTrue(
          line.matches("(  )?(\\S+:\\d+(:\\d+)?|<project>): (error|warning|info|note): .*")
              || line.startsWith("lockkit: "),
          line);
    }
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchema() throws Exception {
    String sarif = Reporter.forFormat("sarif").render(report);
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode doc = JSON.readTree(sarif);
    Set<ValidationMessage> errors = schema.validate(doc);
    assertTrue(errors.isEmpty(), errors.toString());
    JsonNode results = doc.get("runs").get(0).get("results");
    assertEquals(report.findings().size(), results.size());
    JsonNode gate = null;
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals("gate/unguarded-reference")) {
        gate = r;
      }
    }
    assertEquals(false, gate.get("properties").get("witness").get("PER_VMA_LOCK").asBoolean());
    assertEquals(
        "gate/unguarded-reference|x.a.A -> x.b.B",
        gate.get("partialFingerprints").get("lockkitKey/v1").asText());
    assertFalse(
        doc.get("runs").get(0).get("invocations").get(0).get("executionSuccessful").asBoolean());
  }

  /** Code-scanning services show the tool version beside each alert; it is the build's version. */
  @Test
  void sarifNamesTheToolVersionOfThisBuild() throws Exception {
    JsonNode driver =
        JSON.readTree(Reporter.forFormat("sarif").render(report))
            .get("runs")
            .get(0)
            .get("tool")
            .get("driver");
    java.util.regex.Matcher pom =
        java.util.regex.Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>")
            .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml")));
    assertTrue(pom.find());
    assertEquals(pom.group(1), driver.get("version").asText());
    assertEquals(pom.group(1), driver.get("semanticVersion").asText());
  }

  @Test
  void sarifSchemaRejectsABrokenDocument() throws Exception {
    // Guards the validation itself: a result without a message must fail.
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode doc =
        JSON.readTree(
            "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"r\"}]}]}");
    assertFalse(schema.validate(doc).isEmpty());
  }

  @Test
  void jsonHasTheDocumentedFields() throws Exception {
    JsonNode doc = JSON.readTree(Reporter.forFormat("json").render(report));
    assertEquals(1, doc.get("schemaVersion").asInt());
    assertEquals(false, doc.get("complete").asBoolean());
    List<String> top = new ArrayList<>();
    doc.fieldNames().forEachRemaining(top::add);
    assertEquals(
        List.of("schemaVersion", "tool", "complete", "rules", "summary", "findings", "cycles"),
        top);
    JsonNode f = doc.get("findings").get(0);
    List<String> fields = new ArrayList<>();
    f.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "rule", "severity", "location", "message", "key", "baselineKey", "related", "witness"),
        fields);
    JsonNode cycle = doc.get("cycles").get(0);
    assertEquals("package", cycle.get("level").asText());
    assertEquals("x.a, x.b", cycle.get("key").asText());
    assertEquals(2, cycle.get("witness").size());
    assertEquals(1, cycle.get("cut").size());
  }

  @Test
  void junitXmlIsWellFormedWithOneFailurePerFinding() throws Exception {
    String xml = Reporter.forFormat("junit").render(report);
    Document d =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList failures = d.getElementsByTagName("failure");
    assertEquals(report.findings().size(), failures.getLength());
    Element root = d.getDocumentElement();
    assertEquals(String.valueOf(report.findings().size()), root.getAttribute("failures"));
    // cycle/module ran and found nothing: it shows as a passing test case.
    NodeList cases = d.getElementsByTagName("testcase");
    boolean passing = false;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      passing |=
          c.getAttribute("classname").equals("cycle/module")
              && c.getAttribute("name").equals("no findings");
    }
    assertTrue(passing, xml);
  }

  @Test
  void dotAndMermaidDrawTheCycleAndMarkTheCut() {
    String dot = Reporter.forFormat("dot").render(report);
    assertTrue(dot.startsWith("digraph cycles {"), dot);
    assertTrue(dot.contains("label=\"x.a\""), dot);
    assertTrue(dot.contains("color=red, style=dashed"), dot);
    String mermaid = Reporter.forFormat("mermaid").render(report);
    assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
    assertTrue(mermaid.contains("[\"x.b\"]"), mermaid);
    assertTrue(mermaid.contains(" -. 1 .-> "), mermaid);
    assertTrue(mermaid.contains("linkStyle "), mermaid);
  }

  @Test
  void everyFormatIsByteIdenticalAcrossRuns(@TempDir Path other) throws Exception {
    Report again = Samples.analyse(other).report(Baseline.empty());
    for (String format : Reporter.FORMATS) {
      Reporter r = Reporter.forFormat(format);
      assertEquals(r.render(report), r.render(again), format);
    }
  }
}
