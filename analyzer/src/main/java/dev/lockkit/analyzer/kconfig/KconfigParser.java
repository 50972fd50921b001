package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
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

/**
 * Reads a Kconfig tree: the kernel's Kconfig language as far as configuration gating needs it (the
 * supported subset is listed in the analyzer README's Kconfig section).
 *
 * <p><b>Implementation overview.</b> Files are read line by line, like Kconfig's own lexer: a UTF-8
 * byte-order mark is skipped, a trailing backslash joins lines, {@code #} starts a comment outside
 * quotes, a macro assignment ({@code comma := ,}) is performed, every other line has its macros
 * expanded ({@link Macros}) and its first word is its keyword ({@link Statements}). A {@code
 * source} reads the named file in place; paths are relative to the source tree ({@code srctree} if
 * given, else the top file's directory or the nearest parent where the file exists), {@code
 * rsource} to the including file; the chain of open files detects a file that includes itself. When
 * all files are read, {@link ModelBuilder} gives the entries their meaning.
 *
 * <p>Errors that make the input unreadable (syntax, a missing file, an unknown symbol, a loop)
 * throw a {@link KconfigException} with the {@code file:line}. A construct lockkit does not model
 * is skipped with a {@code kconfig/unsupported} warning naming it, and reading goes on.
 */
public final class KconfigParser {
  final Path top;
  final KconfigOptions options;
  final Macros macros;
  private final Path displayBase;
  private final Deque<Path> openFiles = new ArrayDeque<>();
  final Map<String, List<Entries.Config>> configs = new LinkedHashMap<>();
  final List<Entries.Choice> choices = new ArrayList<>();
  final List<Entries.Site> sites = new ArrayList<>();
  final List<Finding> diagnostics = new ArrayList<>();
  final Blocks blocks = new Blocks();
  String modulesSymbol;

  private KconfigParser(Path top, Path displayBase, KconfigOptions options) {
    this.top = top;
    this.options = options;
    this.macros = new Macros(options.variables());
    this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
  }

  /**
   * Parses {@code kconfig} (following {@code source}) and builds its feature model.
   *
   * @throws KconfigException for any bad input, with its file and line
   */
  public static FeatureModel parse(Path kconfig) throws KconfigException {
    return parse(kconfig, null, KconfigOptions.DEFAULT);
  }

  /**
   * Like {@link #parse(Path)}, with every location's path shown relative to {@code displayBase}
   * when the file lies below it (as the rest of a report shows paths), else absolute; {@code null}
   * shows paths as given.
   */
  public static FeatureModel parse(Path kconfig, Path displayBase) throws KconfigException {
    return parse(kconfig, displayBase, KconfigOptions.DEFAULT);
  }

  /** Like {@link #parse(Path, Path)}, read with {@code options}. */
  public static FeatureModel parse(Path kconfig, Path displayBase, KconfigOptions options)
      throws KconfigException {
    KconfigParser p = new KconfigParser(kconfig, displayBase, options);
    p.readFile(kconfig, null);
    p.blocks.requireClosed();
    return new ModelBuilder(p).build(Location.ofFile(p.display(kconfig)));
  }

  String display(Path p) {
    if (displayBase == null) {
      return p.normalize().toString();
    }
    Path abs = p.toAbsolutePath().normalize();
    return (abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs).toString();
  }

  void warn(String rule, Location loc, String message, String key) {
    diagnostics.add(Finding.of(rule, Severity.WARNING, loc, message, key));
  }

  /** Resolves a {@code source} path; null if no candidate exists. */
  Path resolveSource(String path, Path including, boolean relativeToFile) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return p;
    }
    if (relativeToFile) {
      return including.resolveSibling(path);
    }
    String srctree = options.variables().get("srctree");
    if (srctree != null) {
      return Path.of(srctree).resolve(path);
    }
    Path local = including.resolveSibling(path);
    if (Files.exists(local)) {
      return local;
    }
    for (Path dir = top.toAbsolutePath().normalize().getParent();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  void readFile(Path file, Location includedFrom) throws KconfigException {
    Path canonical = file.toAbsolutePath().normalize();
    if (openFiles.contains(canonical)) {
      List<String> chain = new ArrayList<>();
      openFiles.descendingIterator().forEachRemaining(f -> chain.add(f.getFileName().toString()));
      chain.add(canonical.getFileName().toString());
      throw new KconfigException(
          includedFrom, "'" + display(file) + "' includes itself: " + String.join(" -> ", chain));
    }
    Location fileLoc = includedFrom == null ? Location.ofFile(display(file)) : includedFrom;
    if (Files.isDirectory(file)) {
      throw new KconfigException(
          fileLoc, "'" + display(file) + "' is a directory, not a Kconfig file");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KconfigException(fileLoc, "Kconfig file '" + display(file) + "' does not exist");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new KconfigException(
          fileLoc, "'" + display(file) + "' is not a Kconfig file (not UTF-8 text)");
    } catch (IOException e) {
      throw new KconfigException(
          fileLoc, "cannot read Kconfig file '" + display(file) + "': " + e.getMessage());
    }
    if (!lines.isEmpty() && lines.get(0).startsWith("\ufeff")) {
      lines.set(0, lines.get(0).substring(1)); // a byte-order mark, skipped as javac does
    }
    openFiles.push(canonical);
    int depthAtStart = blocks.depth();
    try {
      new Statements(this, file, lines).run();
    } finally {
      openFiles.pop();
    }
    blocks.requireDepth(depthAtStart, display(file));
  }

  /** Splits {@code "value if cond"} at a standalone {@code if} outside quotes. */
  static String[] splitIf(String rest) {
    boolean quoted = false;
    for (int i = 0; i + 2 <= rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted
          && rest.startsWith("if", i)
          && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))
          && (i + 2 == rest.length() || Character.isWhitespace(rest.charAt(i + 2)))) {
        return new String[] {rest.substring(0, i), rest.substring(i + 2)};
      }
    }
    return new String[] {rest};
  }
}
