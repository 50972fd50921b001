package dev.lockkit.analyzer.layers;

import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.pc.Guards;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The architecture rules of an analysed project, read from a line-oriented text file.
 *
 * <pre>
 * # comment (a '#' that begins a word); blank lines are ignored
 * version 1
 * layer config   dev.lockkit.lockcore.config
 * layer sync     dev.lockkit.lockcore.sync.**
 * order config sync                        # lowest first
 * forbid dev.lockkit.a.** -&gt; dev.lockkit.b.**
 * forbid-module analyzer -&gt; golden
 * ban java.lang.System#exit allow dev.lockkit.cli.**
 * severity cycle/type error
 * condition-annotation com.example.config.IfConfig   # config gating: a presence-condition annotation
 * guard-method com.example.config.Features#isEnabled  # config gating: an IS_ENABLED-style guard
 * </pre>
 *
 * <p>Each line is a directive word followed by arguments, so the format grows by adding directives;
 * a directive this version does not know is an error, never skipped, so a rule cannot be silently
 * ignored. Every error names {@code path:line:col}.
 *
 * @param layers layer name to its package patterns, in the order of {@code order} (lowest first)
 * @param forbidden explicit forbidden package dependencies
 * @param forbiddenModules explicit forbidden module dependencies
 * @param bans forbidden uses of types or members, each with the places where they are allowed
 * @param severities severity overrides by rule id
 * @param source display name of the file
 * @param guards the presence-condition annotations and guard methods config gating recognises:
 *     lockcore's ({@link Guards#defaults()}) plus those the file declares
 */
public record RulesFile(
    Map<String, List<NamePattern>> layers,
    List<Forbid> forbidden,
    List<Forbid> forbiddenModules,
    List<Ban> bans,
    Map<String, Severity> severities,
    String source,
    Guards guards) {

  /** Directives this version understands. */
  public static final Set<String> DIRECTIVES =
      Set.of(
          "version",
          "layer",
          "order",
          "forbid",
          "forbid-module",
          "ban",
          "severity",
          "condition-annotation",
          "guard-method");

  /** Rule ids whose severity a rules file may set. */
  public static final Set<String> RULES =
      Set.of("cycle/type", "cycle/package", "cycle/module", "layer/forbidden", "api/forbidden");

  /**
   * One forbidden dependency.
   *
   * @param from pattern of the depending side
   * @param to pattern of the side depended upon
   * @param line where it is declared
   */
  public record Forbid(NamePattern from, NamePattern to, int line) {}

  /**
   * A forbidden use: {@code ban TYPE[#MEMBER] [allow PATTERN...]}.
   *
   * @param type pattern over qualified type names (nested types dotted)
   * @param member the field or method name, {@code new} for the type's constructors ({@code new
   *     T(...)}, {@code T::new}; every use of the type's name is still allowed), or null to ban
   *     every use of the type
   * @param allow where the use is allowed: patterns over the using top-level type's qualified name
   *     or over its package
   * @param line where it is declared
   */
  public record Ban(NamePattern type, String member, List<NamePattern> allow, int line) {
    /** {@code TYPE} or {@code TYPE#MEMBER} as written. */
    public String target() {
      return member == null ? type.toString() : type + "#" + member;
    }

    /** Whether code in {@code fromType} (a qualified top-level type name) may use the target. */
    public boolean allows(String fromType) {
      int dot = fromType.lastIndexOf('.');
      String pkg = dot < 0 ? "" : fromType.substring(0, dot);
      return allow.stream().anyMatch(p -> p.matches(fromType) || p.matches(pkg));
    }
  }

  /** No rules at all. */
  public static RulesFile empty() {
    return new RulesFile(
        Map.of(), List.of(), List.of(), List.of(), Map.of(), "", Guards.defaults());
  }

  /** Reads and checks a rules file, naming it by its path. */
  public static RulesFile read(Path file) throws RulesException {
    return read(file, file.toString().replace('\\', '/'));
  }

  /** Reads and checks a rules file; {@code displayName} names it in messages and findings. */
  public static RulesFile read(Path file, String displayName) throws RulesException {
    if (!Files.isRegularFile(file)) {
      throw new RulesException(displayName + ": rules file not found");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new RulesException(displayName + ": rules file is not UTF-8 text");
    } catch (IOException e) {
      throw new RulesException(displayName + ": cannot read rules file: " + e.getMessage());
    }
    return parse(text, displayName);
  }

  /** Parses rules text; {@code source} names it in error messages. */
  public static RulesFile parse(String text, String source) throws RulesException {
    Map<String, List<NamePattern>> layers = new HashMap<>();
    Map<String, Integer> layerLines = new HashMap<>();
    List<String> order = null;
    List<Forbid> forbidden = new ArrayList<>();
    List<Forbid> forbiddenModules = new ArrayList<>();
    List<Ban> bans = new ArrayList<>();
    Map<String, Severity> severities = new TreeMap<>();
    int orderLine = 0;
    List<String> conditionAnnotations = new ArrayList<>();
    List<String> guardMethods = new ArrayList<>();
    // A byte-order mark is an editor's encoding marker, not part of the first directive (as in
    // KconfigParser).
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      String line = raw.substring(0, commentStart(raw));
      if (line.isBlank()) {
        continue;
      }
      List<int[]> spans = words(line);
      List<String> w = new ArrayList<>();
      for (int[] s : spans) {
        w.add(line.substring(s[0], s[1]));
      }
      Err err = (word, msg) -> error(source, lineNo, spans.get(word)[0] + 1, msg);
      switch (w.get(0)) {
        case "version":
          if (w.size() != 2 || !w.get(1).equals("1")) {
            throw err.at(0, "unsupported version (this lockkit reads 'version 1')");
          }
          break;
        case "layer":
          if (w.size() < 3) {
            throw err.at(0, "expected 'layer NAME PATTERN...'");
          }
          if (layers.containsKey(w.get(1))) {
            throw err.at(
                1, "layer '" + w.get(1) + "' already defined on line " + layerLines.get(w.get(1)));
          }
          List<NamePattern> patterns = new ArrayList<>();
          for (int k = 2; k < w.size(); k++) {
            patterns.add(pattern(w.get(k), source, lineNo, spans.get(k)[0] + 1));
          }
          layers.put(w.get(1), List.copyOf(patterns));
          layerLines.put(w.get(1), lineNo);
          break;
        case "order":
          if (order != null) {
            throw err.at(0, "'order' already given on line " + orderLine);
          }
          if (w.size() < 3) {
            throw err.at(0, "expected 'order LOWEST ... HIGHEST' with at least two layers");
          }
          order = new ArrayList<>(w.subList(1, w.size()));
          orderLine = lineNo;
          for (int k = 1; k < w.size(); k++) {
            if (w.subList(1, k).contains(w.get(k))) {
              throw err.at(k, "layer '" + w.get(k) + "' listed twice");
            }
          }
          break;
        case "forbid":
        case "forbid-module":
          if (w.size() != 4 || !w.get(2).equals("->")) {
            throw err.at(0, "expected '" + w.get(0) + " FROM -> TO'");
          }
          Forbid f =
              new Forbid(
                  pattern(w.get(1), source, lineNo, spans.get(1)[0] + 1),
                  pattern(w.get(3), source, lineNo, spans.get(3)[0] + 1),
                  lineNo);
          (w.get(0).equals("forbid") ? forbidden : forbiddenModules).add(f);
          break;
        case "ban":
          bans.add(ban(w, spans, source, lineNo, err));
          break;
        case "severity":
          if (w.size() != 3) {
            throw err.at(0, "expected 'severity RULE info|warning|error'");
          }
          if (!RULES.contains(w.get(1))) {
            throw err.at(
                1, "unknown rule '" + w.get(1) + "' (expected one of " + sorted(RULES) + ")");
          }
          try {
            severities.put(w.get(1), Severity.parse(w.get(2)));
          } catch (IllegalArgumentException e) {
            throw err.at(2, e.getMessage());
          }
          break;
        case "condition-annotation":
          if (w.size() != 2 || !Guards.isQualifiedName(w.get(1)) || w.get(1).indexOf('.') < 0) {
            throw err.at(
                w.size() < 2 ? 0 : 1,
                "expected 'condition-annotation a.b.AnnotationType' (a fully qualified name)");
          }
          conditionAnnotations.add(w.get(1));
          break;
        case "guard-method":
          if (w.size() != 2 || !Guards.isMethodName(w.get(1)) || w.get(1).indexOf('.') < 0) {
            throw err.at(
                w.size() < 2 ? 0 : 1,
                "expected 'guard-method a.b.Type#method' (the fully qualified type declaring it)");
          }
          guardMethods.add(w.get(1));
          break;
        default:
          throw err.at(
              0,
              "unknown directive '" + w.get(0) + "' (expected one of " + sorted(DIRECTIVES) + ")");
      }
    }
    Map<String, List<NamePattern>> ordered = new LinkedHashMap<>();
    if (order != null) {
      for (String name : order) {
        if (!layers.containsKey(name)) {
          throw error(
              source,
              orderLine,
              1,
              "'order' names layer '" + name + "', which no 'layer' line defines");
        }
        ordered.put(name, layers.get(name));
      }
    }
    for (String name : new TreeMap<>(layers).keySet()) {
      if (!ordered.containsKey(name)) {
        throw error(
            source,
            layerLines.get(name),
            1,
            "layer '" + name + "' is not listed in an 'order' line, so it constrains nothing");
      }
    }
    return new RulesFile(
        ordered,
        List.copyOf(forbidden),
        List.copyOf(forbiddenModules),
        List.copyOf(bans),
        severities,
        source,
        Guards.defaults().plus(Guards.of(conditionAnnotations, guardMethods)));
  }

  private static Ban ban(List<String> w, List<int[]> spans, String source, int line, Err err)
      throws RulesException {
    if (w.size() < 2 || (w.size() > 2 && (!w.get(2).equals("allow") || w.size() < 4))) {
      throw err.at(0, "expected 'ban TYPE[#MEMBER] [allow PATTERN...]'");
    }
    String target = w.get(1);
    int hash = target.indexOf('#');
    String member = null;
    String typeText = target;
    if (hash >= 0) {
      member = target.substring(hash + 1);
      typeText = target.substring(0, hash);
      boolean ok =
          !member.isEmpty()
              && Character.isJavaIdentifierStart(member.codePointAt(0))
              && member.codePoints().allMatch(Character::isJavaIdentifierPart);
      if (!ok) {
        throw error(
            source,
            line,
            spans.get(1)[0] + hash + 2,
            "bad member '"
                + member
                + "' (expected a field or method name, or 'new' for the type's constructors)");
      }
    }
    NamePattern type = pattern(typeText, source, line, spans.get(1)[0] + 1);
    List<NamePattern> allow = new ArrayList<>();
    for (int k = 3; k < w.size(); k++) {
      allow.add(pattern(w.get(k), source, line, spans.get(k)[0] + 1));
    }
    return new Ban(type, member, List.copyOf(allow), line);
  }

  @FunctionalInterface
  private interface Err {
    RulesException at(int word, String message);
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }

  private static NamePattern pattern(String text, String source, int line, int col)
      throws RulesException {
    try {
      return NamePattern.parse(text);
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      int close = msg.indexOf(']');
      int offset = Integer.parseInt(msg.substring(1, close));
      throw error(
          source, line, col + offset, "bad pattern '" + text + "': " + msg.substring(close + 2));
    }
  }

  private static RulesException error(String source, int line, int col, String message) {
    return new RulesException(source + ":" + line + ":" + col + ": " + message);
  }

  /** Where a comment starts: a {@code #} that begins a word ({@code Type#member} is not one). */
  private static int commentStart(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return line.length();
  }

  /** Start and end offsets of the whitespace-separated words of a line. */
  private static List<int[]> words(String line) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new int[] {start, i});
      }
    }
    return out;
  }

  /** The layer rank of a package (0 = lowest), or -1 when no layer pattern matches it. */
  public int layerRank(String pkg) {
    int rank = 0;
    for (List<NamePattern> patterns : layers.values()) {
      for (NamePattern p : patterns) {
        if (p.matches(pkg)) {
          return rank;
        }
      }
      rank++;
    }
    return -1;
  }

  /** The name of the layer with a rank. */
  public String layerName(int rank) {
    return new ArrayList<>(layers.keySet()).get(rank);
  }
}
