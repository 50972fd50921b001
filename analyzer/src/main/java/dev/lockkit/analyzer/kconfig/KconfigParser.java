package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Kconfig subset: {@code config}, {@code menuconfig}, {@code bool}, {@code def_bool},
 * {@code prompt}, {@code depends on}, {@code select}, {@code imply}, {@code default ... if ...},
 * {@code if}/{@code endif}, {@code menu}/{@code endmenu} (with {@code depends on} and {@code
 * visible if}), {@code comment}, {@code mainmenu}, {@code help} text and {@code source}.
 *
 * <p><b>Implementation overview.</b> The parser is line-oriented, like Kconfig's own lexer: a
 * trailing backslash joins lines, {@code #} starts a comment outside quotes, the first word of a
 * line is its keyword. Attribute lines apply to the most recent entry (a config, menu or comment);
 * {@code if} and {@code menu} push their condition on a stack whose conjunction becomes part of the
 * dependencies of every config inside, as in Kconfig. A {@code help} block runs until the first
 * non-blank line indented less than its first line (tabs count to the next multiple of 8). {@code
 * source "f"} resolves {@code f} against the including file's directory, then the top file's
 * directory; the chain of open files detects a file that includes itself. Every error carries the
 * {@code file:line} it was found at.
 */
public final class KconfigParser {
  private final Path top;
  private final Deque<Path> openFiles = new ArrayDeque<>();
  private final Map<String, Builder> symbols = new LinkedHashMap<>();
  private final List<ExprSite> expressions = new ArrayList<>();
  private final Deque<Block> blocks = new ArrayDeque<>();

  private record Block(String keyword, Expr condition, Location location) {}

  private final Path displayBase;

  private KconfigParser(Path top, Path displayBase) {
    this.top = top;
    this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
  }

  /**
   * Parses {@code kconfig} (following {@code source}) and builds its feature model.
   *
   * @throws KconfigException for any bad input, with its file and line
   */
  public static FeatureModel parse(Path kconfig) throws KconfigException {
    return parse(kconfig, null);
  }

  /**
   * Like {@link #parse(Path)}, with every location's path shown relative to {@code displayBase}
   * when the file lies below it (as the rest of a report shows paths), else absolute; {@code null}
   * shows paths as given.
   */
  public static FeatureModel parse(Path kconfig, Path displayBase) throws KconfigException {
    KconfigParser p = new KconfigParser(kconfig, displayBase);
    p.readFile(kconfig, null);
    if (!p.blocks.isEmpty()) {
      Block open = p.blocks.peek();
      throw new KconfigException(
          open.location(),
          "'" + open.keyword() + "' is never closed (missing 'end" + open.keyword() + "')");
    }
    List<KconfigSymbol> built = new ArrayList<>();
    for (Builder b : p.symbols.values()) {
      built.add(b.build());
    }
    return FeatureModel.build(built, p.expressions, Location.ofFile(p.display(kconfig)));
  }

  private String display(Path p) {
    if (displayBase == null) {
      return p.normalize().toString();
    }
    Path abs = p.toAbsolutePath().normalize();
    return (abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs).toString();
  }

  private void readFile(Path file, Location includedFrom) throws KconfigException {
    Path canonical = file.toAbsolutePath().normalize();
    if (openFiles.contains(canonical)) {
      List<String> chain = new ArrayList<>();
      openFiles.descendingIterator().forEachRemaining(f -> chain.add(f.getFileName().toString()));
      chain.add(canonical.getFileName().toString());
      throw new KconfigException(
          includedFrom, "'" + display(file) + "' includes itself: " + String.join(" -> ", chain));
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KconfigException(
          includedFrom == null ? Location.ofFile(display(file)) : includedFrom,
          "Kconfig file '" + display(file) + "' does not exist");
    } catch (IOException e) {
      throw new KconfigException(
          includedFrom == null ? Location.ofFile(display(file)) : includedFrom,
          "cannot read Kconfig file '" + display(file) + "': " + e.getMessage());
    }
    openFiles.push(canonical);
    try {
      new FileReader(file, lines).run();
    } finally {
      openFiles.pop();
    }
  }

  /** The per-file state: the current entry and the help-text mode. */
  private final class FileReader {
    private final Path file;
    private final List<String> lines;
    private Builder current;
    private boolean inMenuOrComment;

    FileReader(Path file, List<String> lines) {
      this.file = file;
      this.lines = lines;
    }

    private Location at(int index) {
      return new Location(display(file), index + 1, 0);
    }

    void run() throws KconfigException {
      int depthAtStart = blocks.size();
      for (int i = 0; i < lines.size(); i++) {
        int first = i;
        StringBuilder joined = new StringBuilder(lines.get(i));
        while (joined.length() > 0
            && joined.charAt(joined.length() - 1) == '\\'
            && i + 1 < lines.size()) {
          joined.setLength(joined.length() - 1);
          joined.append(' ').append(lines.get(++i));
        }
        String line = stripComment(joined.toString(), at(first)).strip();
        if (line.isEmpty()) {
          continue;
        }
        String keyword = line.split("\\s+", 2)[0];
        String rest = line.substring(keyword.length()).strip();
        if (keyword.equals("help") || keyword.equals("---help---")) {
          i = skipHelp(i + 1);
          continue;
        }
        line(keyword, rest, at(first));
      }
      if (blocks.size() > depthAtStart) {
        Block open = blocks.peek();
        throw new KconfigException(
            open.location(),
            "'" + open.keyword() + "' is not closed before the end of " + display(file));
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
      if (current != null) {
        current.help = text.toString().strip();
      }
      return i - 1;
    }

    private void line(String keyword, String rest, Location loc) throws KconfigException {
      switch (keyword) {
        case "config", "menuconfig" -> {
          String name = rest;
          if (!name.matches("[A-Za-z0-9_]+")) {
            throw new KconfigException(
                loc, "'" + keyword + "' needs one symbol name, got '" + rest + "'");
          }
          if (name.startsWith("CONFIG_")) {
            throw new KconfigException(
                loc,
                "symbol names are written without the CONFIG_ prefix: '" + name.substring(7) + "'");
          }
          Builder existing = symbols.get(name);
          if (existing != null) {
            throw new KconfigException(
                loc, "symbol " + name + " is already defined at " + existing.location);
          }
          current = new Builder(name, loc, context());
          symbols.put(name, current);
          inMenuOrComment = false;
        }
        case "menu", "comment", "mainmenu" -> {
          quoted(rest, loc, keyword);
          current = null;
          inMenuOrComment = true;
          if (keyword.equals("menu")) {
            blocks.push(new Block("menu", Expr.TRUE, loc));
          }
        }
        case "endmenu" -> {
          pop("menu", loc);
          current = null;
          inMenuOrComment = false;
        }
        case "if" -> {
          blocks.push(new Block("if", expr(rest, loc), loc));
          current = null;
          inMenuOrComment = false;
        }
        case "endif" -> {
          pop("if", loc);
          current = null;
          inMenuOrComment = false;
        }
        case "source" -> {
          String rel = quoted(rest, loc, keyword);
          // Relative to the including file first, then to the top file (the kernel's srctree).
          Path local = file.resolveSibling(rel);
          Path fromTop = top.resolveSibling(rel);
          current = null;
          inMenuOrComment = false;
          readFile(Files.exists(local) || !Files.exists(fromTop) ? local : fromTop, loc);
        }
        case "choice",
            "endchoice",
            "tristate",
            "int",
            "hex",
            "string",
            "range",
            "option",
            "modules",
            "transitional" ->
            throw new KconfigException(
                loc, "'" + keyword + "' is not supported (lockkit models bool options only)");
        default -> attribute(keyword, rest, loc);
      }
    }

    private void attribute(String keyword, String rest, Location loc) throws KconfigException {
      if (inMenuOrComment) {
        if (keyword.equals("depends")
            && blocks.peek() != null
            && blocks.peek().keyword().equals("menu")) {
          Block menu = blocks.pop();
          blocks.push(
              new Block("menu", Expr.and(menu.condition(), dependsOn(rest, loc)), menu.location()));
          return;
        }
        if (keyword.equals("depends") || keyword.equals("visible")) {
          return; // a comment's condition or a menu's visibility changes no symbol's value
        }
        throw new KconfigException(loc, "'" + keyword + "' is not valid in a menu or comment");
      }
      if (current == null) {
        throw new KconfigException(loc, "'" + keyword + "' outside a config entry");
      }
      switch (keyword) {
        case "bool" -> {
          current.typed = true;
          if (!rest.isEmpty()) {
            prompt(rest, loc);
          }
        }
        case "def_bool" -> {
          current.typed = true;
          current.defaults.add(valueWithCondition(rest, loc));
        }
        case "prompt" -> prompt(rest, loc);
        case "default" -> current.defaults.add(valueWithCondition(rest, loc));
        case "depends" -> current.dependencies.add(dependsOn(rest, loc));
        case "select", "imply" -> {
          String[] parts = splitIf(rest);
          String target = parts[0].strip();
          if (!target.matches("[A-Za-z0-9_]+")) {
            throw new KconfigException(
                loc, "'" + keyword + "' needs one symbol name, got '" + parts[0].strip() + "'");
          }
          expressions.add(
              new ExprSite(
                  new ExprParser.Parsed(
                      Expr.sym(target), List.of(new ExprParser.SymbolUse(target, 0))),
                  loc));
          Expr cond = parts.length > 1 ? expr(parts[1], loc) : Expr.TRUE;
          KconfigSymbol.Select s = new KconfigSymbol.Select(target, cond, loc);
          (keyword.equals("select") ? current.selects : current.implies).add(s);
        }
        default -> throw new KconfigException(loc, "unknown Kconfig keyword '" + keyword + "'");
      }
    }

    private void prompt(String rest, Location loc) throws KconfigException {
      if (current.prompt != null) {
        throw new KconfigException(loc, "symbol " + current.name + " has more than one prompt");
      }
      int close = rest.indexOf('"', 1);
      if (!rest.startsWith("\"") || close < 0) {
        throw new KconfigException(loc, "a prompt must be a quoted string, got '" + rest + "'");
      }
      current.prompt = rest.substring(1, close);
      String after = rest.substring(close + 1).strip();
      if (!after.isEmpty()) {
        if (!after.startsWith("if ") && !after.equals("if")) {
          throw new KconfigException(loc, "unexpected '" + after + "' after the prompt");
        }
        current.promptCondition = expr(after.substring(2), loc);
      }
    }

    private Expr dependsOn(String rest, Location loc) throws KconfigException {
      if (!rest.startsWith("on ") && !rest.equals("on")) {
        throw new KconfigException(loc, "expected 'depends on <expr>'");
      }
      return expr(rest.substring(2), loc);
    }

    private KconfigSymbol.Default valueWithCondition(String rest, Location loc)
        throws KconfigException {
      String[] parts = splitIf(rest);
      Expr value = expr(parts[0], loc);
      Expr cond = parts.length > 1 ? expr(parts[1], loc) : Expr.TRUE;
      return new KconfigSymbol.Default(value, cond, loc);
    }

    private void pop(String keyword, Location loc) throws KconfigException {
      Block top = blocks.peek();
      if (top == null || !top.keyword().equals(keyword)) {
        throw new KconfigException(
            loc,
            "'end"
                + keyword
                + "' without a matching '"
                + keyword
                + "'"
                + (top == null
                    ? ""
                    : " (innermost open block: '"
                        + top.keyword()
                        + "' at "
                        + top.location()
                        + ")"));
      }
      blocks.pop();
    }

    private String quoted(String rest, Location loc, String keyword) throws KconfigException {
      if (rest.length() < 2 || !rest.startsWith("\"") || !rest.endsWith("\"")) {
        throw new KconfigException(loc, "'" + keyword + "' needs a quoted string");
      }
      return rest.substring(1, rest.length() - 1);
    }
  }

  private Expr context() {
    List<Expr> conds = new ArrayList<>();
    blocks.descendingIterator().forEachRemaining(b -> conds.add(b.condition()));
    return Expr.and(conds);
  }

  private Expr expr(String text, Location loc) throws KconfigException {
    try {
      ExprParser.Parsed parsed = ExprParser.parse(text, ExprParser.Dialect.KCONFIG);
      expressions.add(new ExprSite(parsed, loc));
      return parsed.expr();
    } catch (ExprSyntaxException e) {
      throw new KconfigException(loc, "bad expression '" + text.strip() + "': " + e.getMessage());
    }
  }

  /** Splits {@code "value if cond"} at a standalone {@code if} outside quotes. */
  private static String[] splitIf(String rest) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|\\s)if(\\s|$)").matcher(rest);
    if (m.find()) {
      return new String[] {rest.substring(0, m.start()), rest.substring(m.end())};
    }
    return new String[] {rest};
  }

  private static String stripComment(String line, Location loc) throws KconfigException {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
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

  /** Mutable entry while its attribute lines are read. */
  private static final class Builder {
    final String name;
    final Location location;
    final Expr context;
    boolean typed;
    String prompt;
    Expr promptCondition = Expr.TRUE;
    final List<Expr> dependencies = new ArrayList<>();
    final List<KconfigSymbol.Default> defaults = new ArrayList<>();
    final List<KconfigSymbol.Select> selects = new ArrayList<>();
    final List<KconfigSymbol.Select> implies = new ArrayList<>();
    String help = "";

    Builder(String name, Location location, Expr context) {
      this.name = name;
      this.location = location;
      this.context = context;
    }

    KconfigSymbol build() throws KconfigException {
      if (!typed) {
        throw new KconfigException(
            location, "symbol " + name + " has no type (expected 'bool' or 'def_bool')");
      }
      List<Expr> deps = new ArrayList<>();
      deps.add(context);
      deps.addAll(dependencies);
      return new KconfigSymbol(
          name,
          location,
          Optional.ofNullable(prompt),
          promptCondition,
          Expr.and(deps),
          defaults,
          selects,
          implies,
          help);
    }
  }
}
