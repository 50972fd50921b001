package dev.lockkit.cli;

import dev.lockkit.analyzer.io.IoMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lockkit.toml}: a project's whole gate, read by {@code lockkit check}.
 *
 * <p>The format is a small subset of TOML: {@code [section]} headers, {@code key = "string"},
 * {@code key = ["a", "b"]} (on one line or several), {@code key = true|false}, and {@code #}
 * comments. TOML because it is what Cargo and pyproject users already write, it has lists and
 * quoted strings (paths with spaces), and has no indentation rules to get wrong; the subset parses
 * in a page without a new dependency. Anything outside it — an unknown section or key, a bare
 * value, a duplicate key — is an error naming the file and line, never ignored: a typo in a CI gate
 * must not silently switch a check off. Relative paths are relative to the file's directory.
 *
 * <pre>
 * [analyze]                      # dependency and gating check (required)
 * sources = ["."]                # source roots, Maven modules or a checkout
 * rules = "lockkit-rules.txt"    # layers, forbidden dependencies, bans (optional)
 * kconfig = "Kconfig"            # config gating on every variant (optional)
 * baseline = "lockkit-baseline.txt"   # report only new findings (optional)
 * fail-on = "error"              # info, warning or error (default: error)
 *
 * [variants]                     # the build-variant matrix (optional)
 * sources = ["src/main/java"]    # default: [analyze] sources
 * kconfig = "Kconfig"            # default: [analyze] kconfig
 * sample = "all"                 # all or pairwise
 * compile = true                 # materialise and compile every variant
 *
 * [golden]                       # golden verification (optional)
 * scenarios = "scenarios"
 * approved = "approved"          # default: 'approved' beside the scenarios
 * kconfig = "Kconfig"            # default: [analyze] kconfig
 * target = "lockcore"
 * </pre>
 */
final class ProjectFile {

  /** The file {@code lockkit check} looks for. */
  static final String NAME = "lockkit.toml";

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "analyze", Set.of("sources", "rules", "kconfig", "baseline", "fail-on"),
          "variants", Set.of("sources", "kconfig", "sample", "compile"),
          "golden", Set.of("scenarios", "approved", "kconfig", "target", "sample"));

  private final Path file;
  private final Map<String, Map<String, Object>> sections;

  private ProjectFile(Path file, Map<String, Map<String, Object>> sections) {
    this.file = file;
    this.sections = sections;
  }

  /** A project file that cannot be used; the message names the file and line. */
  static final class BadProjectFile extends Exception {
    BadProjectFile(String message) {
      super(message);
    }
  }

  /** Reads and checks a project file. */
  static ProjectFile read(Path file) throws BadProjectFile {
    String problem = IoMessages.inputProblem(file, "project file");
    if (problem != null) {
      throw new BadProjectFile(problem);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadProjectFile(
          file + ": cannot read: " + IoMessages.describe(e).replace(file + ": ", ""));
    }
    // A byte-order mark (written by some Windows editors) is not part of the first line.
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    ProjectFile p = parse(file, text);
    if (!p.sections.containsKey("analyze")) {
      throw new BadProjectFile(file + ": no [analyze] section (it names what to check)");
    }
    if (p.strings("analyze", "sources").isEmpty()) {
      throw new BadProjectFile(file + ": [analyze] needs sources = [\"...\"]");
    }
    return p;
  }

  static ProjectFile parse(Path file, String text) throws BadProjectFile {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    String section = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw bad(file, lineNo, "malformed section header: " + line);
        }
        section = line.substring(1, line.length() - 1).strip();
        if (!KEYS.containsKey(section)) {
          throw bad(
              file,
              lineNo,
              "unknown section [" + section + "] (expected " + String.join(", ", sorted()) + ")");
        }
        if (sections.containsKey(section)) {
          throw bad(file, lineNo, "section [" + section + "] appears twice");
        }
        sections.put(section, new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw bad(file, lineNo, "expected key = value, found: " + line);
      }
      if (section == null) {
        throw bad(file, lineNo, "key outside a section; start with [analyze]");
      }
      String key = line.substring(0, eq).strip();
      if (!KEYS.get(section).contains(key)) {
        throw bad(
            file,
            lineNo,
            "unknown key '"
                + key
                + "' in ["
                + section
                + "] (expected one of "
                + String.join(", ", KEYS.get(section).stream().sorted().toList())
                + ")");
      }
      String value = line.substring(eq + 1).strip();
      // A list may continue over several lines until its closing bracket.
      while (value.startsWith("[") && !value.endsWith("]") && i + 1 < lines.length) {
        i++;
        value = value + " " + stripComment(lines[i]).strip();
      }
      Map<String, Object> values = sections.get(section);
      if (values.containsKey(key)) {
        throw bad(file, lineNo, "key '" + key + "' set twice in [" + section + "]");
      }
      values.put(key, value(file, lineNo, value));
    }
    return new ProjectFile(file, sections);
  }

  private static Object value(Path file, int line, String v) throws BadProjectFile {
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    if (v.startsWith("\"")) {
      return string(file, line, v);
    }
    if (v.startsWith("[") && v.endsWith("]")) {
      List<String> items = new ArrayList<>();
      String inner = v.substring(1, v.length() - 1).strip();
      if (inner.endsWith(",")) {
        inner = inner.substring(0, inner.length() - 1);
      }
      if (!inner.isBlank()) {
        for (String item : inner.split(",")) {
          items.add(string(file, line, item.strip()));
        }
      }
      return List.copyOf(items);
    }
    throw bad(file, line, "expected a \"string\", a [\"list\"] or true/false, found: " + v);
  }

  private static String string(Path file, int line, String v) throws BadProjectFile {
    if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
      throw bad(file, line, "expected a quoted string, found: " + v);
    }
    String s = v.substring(1, v.length() - 1);
    if (s.contains("\"") || s.contains("\\")) {
      throw bad(file, line, "quotes and backslashes inside strings are not supported: " + v);
    }
    return s;
  }

  /** The line without a {@code #} comment that lies outside a quoted string. */
  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static List<String> sorted() {
    return KEYS.keySet().stream().sorted().map(s -> "[" + s + "]").toList();
  }

  private static BadProjectFile bad(Path file, int line, String message) {
    return new BadProjectFile(file + ":" + line + ": " + message);
  }

  /** The file's directory: what relative paths in it are relative to. */
  Path dir() {
    Path abs = file.toAbsolutePath().normalize();
    return abs.getParent();
  }

  Path file() {
    return file;
  }

  boolean has(String section) {
    return sections.containsKey(section);
  }

  /** A string value, or {@code null} when absent. */
  String string(String section, String key) throws BadProjectFile {
    Object v = sections.getOrDefault(section, Map.of()).get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new BadProjectFile(file + ": [" + section + "] " + key + " must be a \"string\"");
  }

  /** A path value resolved against the file's directory, or {@code null} when absent. */
  Path path(String section, String key) throws BadProjectFile {
    String s = string(section, key);
    return s == null ? null : dir().resolve(s).normalize();
  }

  /** A list value (a single string counts as a list of one), empty when absent. */
  List<String> strings(String section, String key) throws BadProjectFile {
    Object v = sections.getOrDefault(section, Map.of()).get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Object::toString).toList();
    }
    throw new BadProjectFile(file + ": [" + section + "] " + key + " must be a [\"list\"]");
  }

  /** Path values resolved against the file's directory. */
  List<Path> paths(String section, String key) throws BadProjectFile {
    return strings(section, key).stream().map(s -> dir().resolve(s).normalize()).toList();
  }

  /** A boolean value, or {@code fallback} when absent. */
  boolean bool(String section, String key, boolean fallback) throws BadProjectFile {
    Object v = sections.getOrDefault(section, Map.of()).get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new BadProjectFile(file + ": [" + section + "] " + key + " must be true or false");
  }
}
