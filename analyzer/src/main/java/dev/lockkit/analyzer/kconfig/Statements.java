package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one Kconfig file: keywords open and close blocks ({@code if}, {@code menu},
 * {@code choice}) or start entries ({@code config}, {@code menuconfig}, {@code comment}); the lines
 * after an entry are its attributes. Kept apart from {@link KconfigParser}, which owns the files
 * and the results, so that each stays readable.
 */
final class Statements {
  private enum Current {
    NONE,
    CONFIG,
    CHOICE,
    MENU,
    COMMENT
  }

  private final KconfigParser parser;
  private final Path file;
  private final List<String> lines;
  private Current kind = Current.NONE;
  private Entries.Config config;
  private Entries.Choice choice;
  private boolean recognized;

  Statements(KconfigParser parser, Path file, List<String> lines) {
    this.parser = parser;
    this.file = file;
    this.lines = lines;
  }

  private Location at(int index) {
    return new Location(parser.display(file), index + 1, 0);
  }

  void run() throws KconfigException {
    for (int i = 0; i < lines.size(); i++) {
      int first = i;
      StringBuilder joined = new StringBuilder(lines.get(i));
      while (joined.length() > 0
          && joined.charAt(joined.length() - 1) == '\\'
          && i + 1 < lines.size()) {
        joined.setLength(joined.length() - 1);
        joined.append(' ').append(lines.get(++i));
      }
      Location loc = at(first);
      String line = stripComment(joined.toString(), loc).strip();
      if (line.isEmpty()) {
        continue;
      }
      String keyword = line.split("\\s+", 2)[0];
      if (keyword.equals("help") || keyword.equals("---help---")) {
        i = skipHelp(i + 1);
        continue;
      }
      if (parser.macros.assign(line, loc)) {
        recognized = true;
        continue;
      }
      String rest = parser.macros.expand(line.substring(keyword.length()), loc).strip();
      statement(keyword, rest, loc);
      recognized = true;
    }
  }

  /** Skips a help block starting at {@code start}; returns the index of its last line. */
  private int skipHelp(int start) {
    StringBuilder text = new StringBuilder();
    int indent = -1;
    int i = start;
    for (; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        text.append('\n');
        continue;
      }
      int w = indentation(l);
      if (indent < 0) {
        indent = w;
        if (w == 0) {
          break;
        }
      } else if (w < indent) {
        break;
      }
      text.append(l.strip()).append('\n');
    }
    if (kind == Current.CONFIG) {
      config.help = text.toString().strip();
    }
    return i - 1;
  }

  private void statement(String keyword, String rest, Location loc) throws KconfigException {
    Blocks blocks = parser.blocks;
    switch (keyword) {
      case "config", "menuconfig" -> startConfig(keyword, rest, loc);
      case "choice" -> {
        if (!rest.isEmpty() && !rest.matches("[A-Za-z0-9_]+")) {
          throw new KconfigException(loc, "'choice' takes at most a symbol name");
        }
        choice = new Entries.Choice(loc, blocks.context(), blocks.visibleContext());
        parser.choices.add(choice);
        blocks.push(new Blocks.Block("choice", KExpr.TRUE, KExpr.TRUE, loc, choice));
        kind = Current.CHOICE;
      }
      case "endchoice" -> {
        blocks.pop("choice", loc);
        kind = Current.NONE;
      }
      case "menu", "comment", "mainmenu" -> {
        quoted(rest, loc, keyword);
        kind = keyword.equals("menu") ? Current.MENU : Current.COMMENT;
        if (keyword.equals("menu")) {
          blocks.push(new Blocks.Block("menu", KExpr.TRUE, KExpr.TRUE, loc, null));
        }
      }
      case "endmenu" -> {
        blocks.pop("menu", loc);
        kind = Current.NONE;
      }
      case "if" -> {
        blocks.push(new Blocks.Block("if", condition(rest, loc), KExpr.TRUE, loc, null));
        kind = Current.NONE;
      }
      case "endif" -> {
        blocks.pop("if", loc);
        kind = Current.NONE;
      }
      case "source", "rsource", "osource", "orsource" -> {
        kind = Current.NONE;
        source(keyword, rest, loc);
      }
      default -> attribute(keyword, rest, loc);
    }
  }

  private void startConfig(String keyword, String rest, Location loc) throws KconfigException {
    if (!rest.matches("[A-Za-z0-9_]+")) {
      throw new KconfigException(loc, "'" + keyword + "' needs one symbol name");
    }
    if (rest.startsWith("CONFIG_")) {
      throw new KconfigException(
          loc, "symbol names are written without the CONFIG_ prefix: '" + rest.substring(7) + "'");
    }
    // A symbol may be defined in several places, as the kernel does (per architecture, per
    // subsystem): each definition keeps its own dependencies, and ModelBuilder merges them.
    Blocks blocks = parser.blocks;
    Entries.Choice owner = blocks.choice();
    config = new Entries.Config(rest, loc, blocks.context(), blocks.visibleContext(), owner);
    if (owner != null) {
      owner.members.add(config);
    }
    parser.configs.computeIfAbsent(rest, k -> new ArrayList<>()).add(config);
    kind = Current.CONFIG;
  }

  private void source(String keyword, String rest, Location loc) throws KconfigException {
    String path = quoted(rest, loc, keyword);
    if (path.contains(KExprParser.UNKNOWN_MARK)) {
      throw new KconfigException(loc, "the path of '" + keyword + "' needs a toolchain macro");
    }
    if (path.contains("*") || path.contains("?")) {
      parser.warn(
          "kconfig/unsupported",
          loc,
          "'" + keyword + "' with a wildcard is not supported; the file(s) were not read",
          "source " + path);
      return;
    }
    boolean optional = keyword.startsWith("o") || parser.options.optionalSources();
    Path target = parser.resolveSource(path, file, keyword.endsWith("rsource"));
    if (target == null || !java.nio.file.Files.exists(target)) {
      var unset = parser.macros.unsetInLastExpansion();
      if (!unset.isEmpty()) {
        String v = unset.iterator().next();
        throw new KconfigException(
            loc,
            "'"
                + keyword
                + "' path '"
                + path
                + "' uses $("
                + v
                + "), which is not set: pass --kconfig-var "
                + v
                + "=VALUE");
      }
      if (keyword.startsWith("o")) {
        return;
      }
      if (optional) {
        parser.warn(
            "kconfig/missing-source",
            loc,
            "'" + path + "' is not in this copy of the tree; its entries were not read",
            "source " + path);
        return;
      }
      if (target == null) {
        target = file.resolveSibling(path);
      }
    }
    parser.readFile(target, loc);
  }

  private void attribute(String keyword, String rest, Location loc) throws KconfigException {
    if (!keyword.matches("-*[A-Za-z_][A-Za-z0-9_-]*")) {
      throw new KconfigException(loc, notAStatement());
    }
    switch (kind) {
      case MENU, COMMENT -> menuOrComment(keyword, rest, loc);
      case CHOICE -> choiceAttribute(keyword, rest, loc);
      case CONFIG -> configAttribute(keyword, rest, loc);
      default -> {
        if (!recognized) {
          throw new KconfigException(loc, notAStatement());
        }
        throw new KconfigException(
            loc, "'" + shorten(keyword) + "' outside a config, choice or menu entry");
      }
    }
  }

  private String notAStatement() {
    // Echo nothing of the line: the file may be anything ("source /etc/passwd").
    return recognized
        ? "not a Kconfig statement"
        : "'" + parser.display(file) + "' is not a Kconfig file: not a Kconfig statement";
  }

  private void menuOrComment(String keyword, String rest, Location loc) throws KconfigException {
    Blocks blocks = parser.blocks;
    boolean menu = kind == Current.MENU;
    if (keyword.equals("depends")) {
      KExpr dep = dependsOn(rest, loc);
      if (menu) {
        Blocks.Block b = blocks.peek();
        blocks.replaceTop(
            new Blocks.Block(
                "menu",
                KExpr.and(List.of(b.dependency(), dep)),
                b.visibleIf(),
                b.location(),
                null));
      }
      return; // a comment's condition changes no symbol's value
    }
    if (keyword.equals("visible") && menu) {
      KExpr vis = visibleIf(rest, loc);
      Blocks.Block b = blocks.peek();
      blocks.replaceTop(
          new Blocks.Block(
              "menu", b.dependency(), KExpr.and(List.of(b.visibleIf(), vis)), b.location(), null));
      return;
    }
    throw new KconfigException(
        loc, "'" + shorten(keyword) + "' is not valid in a " + (menu ? "menu" : "comment"));
  }

  private void choiceAttribute(String keyword, String rest, Location loc) throws KconfigException {
    Blocks blocks = parser.blocks;
    switch (keyword) {
      case "prompt" -> choice.promptCondition = prompt(rest, loc).condition;
      case "bool", "boolean", "tristate" -> {
        if (keyword.equals("tristate")) {
          parser.warn(
              "kconfig/unsupported",
              loc,
              "a tristate choice is read as a bool choice (the kernel removed tristate choices in v6.12)",
              "tristate choice");
        }
        if (!rest.isEmpty()) {
          choice.promptCondition = prompt(rest, loc).condition;
        }
      }
      case "depends" -> {
        KExpr dep = dependsOn(rest, loc);
        choice.dependencies.add(new Entries.Site(dep, loc));
        Blocks.Block b = blocks.peek();
        blocks.replaceTop(
            new Blocks.Block(
                "choice",
                KExpr.and(List.of(b.dependency(), dep)),
                b.visibleIf(),
                b.location(),
                choice));
      }
      case "optional" -> choice.optional = true;
      case "default" -> condition(KconfigParser.splitIf(rest)[0], loc); // a member: no constraint
      case "visible" -> visibleIf(rest, loc);
      default ->
          throw new KconfigException(loc, "'" + shorten(keyword) + "' is not valid in a choice");
    }
  }

  private void configAttribute(String keyword, String rest, Location loc) throws KconfigException {
    Entries.Config c = config;
    switch (keyword) {
      case "bool", "boolean", "tristate", "int", "hex", "string" -> {
        c.type = type(keyword);
        if (!rest.isEmpty()) {
          setPrompt(rest, loc);
        }
      }
      case "def_bool", "def_tristate" -> {
        c.type = type(keyword.substring(4));
        c.defaults.add(valueWithCondition(rest, loc));
      }
      case "prompt" -> setPrompt(rest, loc);
      case "default" -> {
        if (isValueType(c)) {
          return; // the value of an int/hex/string symbol is not modelled
        }
        c.defaults.add(valueWithCondition(rest, loc));
      }
      case "depends" -> c.dependencies.add(new Entries.Site(dependsOn(rest, loc), loc));
      case "select", "imply" -> {
        String[] parts = KconfigParser.splitIf(rest);
        String target = parts[0].strip();
        if (!target.matches("[A-Za-z0-9_]+")) {
          throw new KconfigException(loc, "'" + keyword + "' needs one symbol name");
        }
        parser.sites.add(new Entries.Site(new KExpr.Word(target, 0), loc));
        KExpr cond = parts.length > 1 ? condition(parts[1], loc) : KExpr.TRUE;
        (keyword.equals("select") ? c.selects : c.implies)
            .add(new Entries.Select(target, cond, loc));
      }
      case "range" -> {
        // The bounds of a value lockkit does not model, but 'range 1' or 'range 1 8 16' is a
        // mistake the kernel's own kconfig rejects too.
        String bounds = KconfigParser.splitIf(rest)[0].strip();
        if (bounds.split("\\s+").length != 2) {
          throw new KconfigException(loc, "'range' needs two bounds: range MIN MAX [if EXPR]");
        }
      }
      case "modules" -> {
        c.modules = true;
        parser.modulesSymbol = c.name;
      }
      case "transitional" -> c.transitional = true;
      case "option" -> {
        if (rest.equals("modules")) {
          c.modules = true;
          parser.modulesSymbol = c.name;
        } else {
          parser.warn(
              "kconfig/unsupported",
              loc,
              "'option " + shorten(rest) + "' is not supported; ignored",
              "option " + shorten(rest));
        }
      }
      case "visible" -> throw new KconfigException(loc, "'visible if' belongs to a menu");
      default ->
          throw new KconfigException(loc, "unknown Kconfig keyword '" + shorten(keyword) + "'");
    }
  }

  private static KconfigSymbol.Type type(String keyword) {
    return switch (keyword) {
      case "bool", "boolean" -> KconfigSymbol.Type.BOOL;
      case "tristate" -> KconfigSymbol.Type.TRISTATE;
      case "int" -> KconfigSymbol.Type.INT;
      case "hex" -> KconfigSymbol.Type.HEX;
      default -> KconfigSymbol.Type.STRING;
    };
  }

  private static boolean isValueType(Entries.Config c) {
    return c.type == KconfigSymbol.Type.INT
        || c.type == KconfigSymbol.Type.HEX
        || c.type == KconfigSymbol.Type.STRING;
  }

  private record Prompt(String text, Entries.Site condition) {}

  private void setPrompt(String rest, Location loc) throws KconfigException {
    if (config.prompt != null) {
      throw new KconfigException(loc, "symbol " + config.name + " has more than one prompt");
    }
    Prompt p = prompt(rest, loc);
    config.prompt = p.text;
    config.promptCondition = p.condition;
  }

  private Prompt prompt(String rest, Location loc) throws KconfigException {
    int close = -1;
    if (rest.startsWith("\"") || rest.startsWith("'")) {
      char q = rest.charAt(0);
      for (int i = 1; i < rest.length(); i++) {
        if (rest.charAt(i) == '\\') {
          i++;
        } else if (rest.charAt(i) == q) {
          close = i;
          break;
        }
      }
    }
    if (close < 0) {
      throw new KconfigException(loc, "a prompt must be a quoted string");
    }
    String after = rest.substring(close + 1).strip();
    Entries.Site cond = new Entries.Site(KExpr.TRUE, loc);
    if (!after.isEmpty()) {
      if (!after.startsWith("if ") && !after.equals("if")) {
        throw new KconfigException(loc, "unexpected text after the prompt");
      }
      cond = new Entries.Site(condition(after.substring(2), loc), loc);
    }
    return new Prompt(rest.substring(1, close), cond);
  }

  private KExpr dependsOn(String rest, Location loc) throws KconfigException {
    if (!rest.startsWith("on ") && !rest.equals("on")) {
      throw new KconfigException(loc, "expected 'depends on <expr>'");
    }
    return condition(rest.substring(2), loc);
  }

  private KExpr visibleIf(String rest, Location loc) throws KconfigException {
    if (!rest.startsWith("if ") && !rest.equals("if")) {
      throw new KconfigException(loc, "expected 'visible if <expr>'");
    }
    return condition(rest.substring(2), loc);
  }

  private Entries.Default valueWithCondition(String rest, Location loc) throws KconfigException {
    String[] parts = KconfigParser.splitIf(rest);
    KExpr value = condition(parts[0], loc);
    KExpr cond = parts.length > 1 ? condition(parts[1], loc) : KExpr.TRUE;
    return new Entries.Default(value, cond, loc);
  }

  /** Parses a condition, rejects a string constant read as a condition, and records its site. */
  private KExpr condition(String text, Location loc) throws KconfigException {
    KExpr e;
    try {
      e = KExprParser.parse(text);
    } catch (ExprSyntaxException ex) {
      String shown = text.strip();
      throw new KconfigException(
          loc,
          ex.getMessage().startsWith("expression nested too deep") || shown.length() > 80
              ? ex.getMessage()
              : "bad expression '" + shown + "': " + ex.getMessage());
    }
    rejectStringConditions(e, loc);
    parser.sites.add(new Entries.Site(e, loc));
    return e;
  }

  private static void rejectStringConditions(KExpr e, Location loc) throws KconfigException {
    if (e instanceof KExpr.Str s) {
      throw new KconfigException(
          loc,
          "\""
              + shorten(s.text())
              + "\" is a string constant, which Kconfig reads as n here"
              + (s.text().matches("[A-Za-z0-9_]+")
                  ? " (write " + s.text() + " without quotes for the symbol)"
                  : ""));
    } else if (e instanceof KExpr.Not n) {
      rejectStringConditions(n.operand(), loc);
    } else if (e instanceof KExpr.And a) {
      for (KExpr o : a.operands()) {
        rejectStringConditions(o, loc);
      }
    } else if (e instanceof KExpr.Or o) {
      for (KExpr x : o.operands()) {
        rejectStringConditions(x, loc);
      }
    }
  }

  private String quoted(String rest, Location loc, String keyword) throws KconfigException {
    if (rest.length() < 2 || !rest.startsWith("\"") || !rest.endsWith("\"")) {
      throw new KconfigException(loc, "'" + keyword + "' needs a quoted string");
    }
    return rest.substring(1, rest.length() - 1);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String stripComment(String line, Location loc) throws KconfigException {
    boolean quoted = false;
    int paren = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '(') {
        paren++;
      } else if (c == ')') {
        paren--;
      } else if (c == '#' && !quoted && paren <= 0) {
        return line.substring(0, i);
      }
    }
    if (quoted) {
      throw new KconfigException(loc, "unterminated string");
    }
    return line;
  }

  private static int indentation(String line) {
    int col = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        col = (col / 8 + 1) * 8;
      } else if (c == ' ') {
        col++;
      } else {
        break;
      }
    }
    return col;
  }
}
