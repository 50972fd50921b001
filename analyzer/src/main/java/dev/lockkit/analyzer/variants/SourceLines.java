package dev.lockkit.analyzer.variants;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import spoon.compiler.Environment;
import spoon.reflect.code.CtStatement;
import spoon.reflect.code.CtStatementList;
import spoon.reflect.cu.SourcePosition;
import spoon.reflect.declaration.CtElement;
import spoon.reflect.declaration.CtType;
import spoon.reflect.declaration.CtTypeMember;
import spoon.reflect.visitor.DefaultJavaPrettyPrinter;

/**
 * Maps lines of a printed variant back to the original source: a variant is Spoon's reprint of the
 * code with deleted elements gone and guards folded, so its line numbers are not the user's. The
 * printer notes, at each statement of a block and each member it starts to print, the original line
 * of that element; a compiler error on a printed line is then reported at the original line of the
 * nearest element printed at or above it, in the original file.
 */
final class SourceLines {
  private static final Pattern ERROR =
      Pattern.compile("^(.+?\\.java):(\\d+): (.*)$", Pattern.DOTALL);

  private SourceLines() {}

  /**
   * Where a printed file came from.
   *
   * @param file the original source file
   * @param offset lines in front of the printed body (the package and import header)
   * @param lines for each body line (1-based), the original line printed there, or 0
   */
  record Origin(File file, int offset, int[] lines) {
    Origin shiftedBy(int n) {
      return new Origin(file, offset + n, lines);
    }

    /** The original line for a line of the printed file, or 0 when none is known. */
    int originalLine(int fileLine) {
      int b = Math.min(fileLine - offset, lines.length - 1);
      for (int i = b; i >= 1; i--) {
        if (lines[i] > 0) {
          return lines[i];
        }
      }
      return 0;
    }
  }

  static int lineCount(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * {@code path:line: message} of a printed variant as the same message at the original file and
   * line; unchanged, with {@code (materialised variant)} added, when the origin is unknown.
   */
  static String map(String error, Map<String, String> sources, Map<String, Origin> originsByText) {
    Matcher m = ERROR.matcher(error);
    if (!m.matches()) {
      return error;
    }
    String text = sources.get(m.group(1));
    Origin origin = text == null ? null : originsByText.get(text);
    int line = origin == null ? 0 : origin.originalLine(Integer.parseInt(m.group(2)));
    if (line <= 0) {
      return m.group(1) + ":" + m.group(2) + ": " + m.group(3) + " (materialised variant)";
    }
    return display(origin.file().toPath()) + ":" + line + ": " + m.group(3);
  }

  /** Relative to the working directory when inside it, with {@code /}, like every report path. */
  static String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** Spoon's printer, noting the original line of every statement and member it starts. */
  static final class Printer extends DefaultJavaPrettyPrinter {
    Printer(Environment env) {
      super(env);
    }

    @Override
    public DefaultJavaPrettyPrinter scan(CtElement e) {
      if (e != null && startsALine(e)) {
        SourcePosition p = e.getPosition();
        if (p.isValidPosition() && p.getLine() > 0) {
          getPrinterTokenWriter().getPrinterHelper().putLineNumberMapping(p.getLine());
        }
      }
      return super.scan(e);
    }

    private static boolean startsALine(CtElement e) {
      return e instanceof CtTypeMember
          || (e instanceof CtStatement
              && e.isParentInitialized()
              && e.getParent() instanceof CtStatementList);
    }

    /** The line map of what was printed from {@code type}, or null without a source file. */
    Origin origin(CtType<?> type) {
      File file = type.getPosition().isValidPosition() ? type.getPosition().getFile() : null;
      if (file == null) {
        return null;
      }
      Map<Integer, Integer> map = getPrinterTokenWriter().getPrinterHelper().getLineNumberMapping();
      int max = map.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      int[] lines = new int[max + 2];
      map.forEach(
          (printed, original) -> {
            if (printed >= 0 && printed < lines.length) {
              lines[printed] = original;
            }
          });
      return new Origin(file, 0, lines);
    }
  }
}
