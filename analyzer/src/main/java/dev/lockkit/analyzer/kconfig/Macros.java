package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kconfig macro language (the kernel's {@code Documentation/kbuild/kconfig-macro-language.rst})
 * as far as a model needs it: {@code NAME := value} (expanded at once), {@code NAME = value}
 * (expanded at each use, so it can be a function of {@code $(1)}, {@code $(2)}, ...), {@code NAME
 * += value}, references {@code $(NAME)} and calls {@code $(name,arg,...)}; a variable nobody
 * assigned takes its value from the variables given on the command line (the kernel reads the
 * environment there), else it is empty and remembered as unset.
 *
 * <p>Of the built-in functions, {@code $(info,...)}, {@code $(warning-if,...)} and {@code
 * $(error-if,...)} expand to nothing, {@code $(filename)} and {@code $(lineno)} to the position.
 * {@code $(shell,...)} would run a command, and the functions built on it ({@code success}, {@code
 * cc-option}, {@code ld-option}, {@code as-instr}, ...) probe the toolchain: lockkit runs nothing.
 * Such a result, and a call of a function defined in no loaded file, expands to an unknown marker
 * ({@link KExprParser#UNKNOWN_MARK} and a number) that an expression reads as a free variable —
 * both answers stay possible — and is listed in {@link #unknowns()} for the diagnostic.
 */
final class Macros {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("([A-Za-z0-9_-]+)\\s*(:=|\\+=|=)\\s*(.*)", Pattern.DOTALL);
  private static final int DEPTH_LIMIT = 64;

  /** An unknown result: the call as written (shortened) and where it was expanded. */
  record UnknownCall(String call, Location location) {}

  private final Map<String, String> given;
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Boolean> recursive = new HashMap<>();
  private final List<UnknownCall> unknowns = new ArrayList<>();
  private final Set<String> unsetUsed = new LinkedHashSet<>();
  private Location where;

  Macros(Map<String, String> given) {
    this.given = Map.copyOf(given);
  }

  /** Whether {@code line} is an assignment; if so, performs it. */
  boolean assign(String line, Location loc) throws KconfigException {
    Matcher m = ASSIGNMENT.matcher(line);
    if (!m.matches()) {
      return false;
    }
    String name = m.group(1);
    String op = m.group(2);
    String value = m.group(3).strip();
    where = loc;
    switch (op) {
      case ":=" -> {
        values.put(name, expand(value, List.of(), 0));
        recursive.put(name, false);
      }
      case "=" -> {
        values.put(name, value);
        recursive.put(name, true);
      }
      default -> {
        String old = values.getOrDefault(name, "");
        boolean rec = recursive.getOrDefault(name, false);
        String add = rec ? value : expand(value, List.of(), 0);
        values.put(name, old.isEmpty() ? add : old + " " + add);
        recursive.put(name, rec);
      }
    }
    return true;
  }

  /** Expands every {@code $(...)} of {@code text}; clears and then records unset variables. */
  String expand(String text, Location loc) throws KconfigException {
    where = loc;
    unsetUsed.clear();
    return expand(text, List.of(), 0);
  }

  /** The variables read while unset during the last {@link #expand(String, Location)}. */
  Set<String> unsetInLastExpansion() {
    return Set.copyOf(unsetUsed);
  }

  /** Every unknown result so far, in order; an unknown marker's number indexes this list. */
  List<UnknownCall> unknowns() {
    return List.copyOf(unknowns);
  }

  private String expand(String text, List<String> args, int depth) throws KconfigException {
    if (text.indexOf('$') < 0) {
      return text;
    }
    if (depth > DEPTH_LIMIT) {
      throw new KconfigException(
          where,
          "macro expansion nested too deep (limit " + DEPTH_LIMIT + "): a recursive variable?");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length() || text.charAt(i + 1) != '(') {
        out.append(c); // '$' not followed by '(' is literal, as in Kconfig
        i++;
        continue;
      }
      int close = matchingParen(text, i + 1);
      if (close < 0) {
        throw new KconfigException(where, "unterminated macro reference '$('");
      }
      out.append(call(text.substring(i + 2, close), args, depth));
      i = close + 1;
    }
    return out.toString();
  }

  private String call(String inner, List<String> args, int depth) throws KconfigException {
    List<String> parts = splitTopLevel(inner);
    String name = expand(parts.get(0), args, depth + 1).strip();
    List<String> callArgs = new ArrayList<>();
    for (int k = 1; k < parts.size(); k++) {
      callArgs.add(expand(parts.get(k), args, depth + 1));
    }
    if (name.matches("[0-9]+")) {
      int n = Integer.parseInt(name);
      return n >= 1 && n <= args.size() ? args.get(n - 1) : "";
    }
    switch (name) {
      case "shell" -> {
        return unknown("$(shell," + String.join(",", callArgs) + ")");
      }
      case "info", "warning-if", "error-if" -> {
        return "";
      }
      case "filename" -> {
        return where.path();
      }
      case "lineno" -> {
        return String.valueOf(where.line());
      }
      default -> {}
    }
    String value = values.get(name);
    if (value != null) {
      if (!recursive.getOrDefault(name, false)) {
        return value;
      }
      return expand(value, callArgs, depth + 1);
    }
    if (!callArgs.isEmpty()) {
      return unknown("$(" + name + "," + String.join(",", callArgs) + ")");
    }
    String fromCommandLine = given.get(name);
    if (fromCommandLine != null) {
      return fromCommandLine;
    }
    unsetUsed.add(name);
    return "";
  }

  private String unknown(String call) {
    String shown = call.length() > 60 ? call.substring(0, 57) + "..." : call;
    unknowns.add(new UnknownCall(shown, where));
    // Spaces around the marker keep it one token wherever it lands.
    return " " + KExprParser.UNKNOWN_MARK + (unknowns.size() - 1) + " ";
  }

  private static int matchingParen(String text, int open) {
    int level = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        level++;
      } else if (c == ')' && --level == 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String inner) {
    List<String> parts = new ArrayList<>();
    int level = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '(') {
        level++;
      } else if (c == ')') {
        level--;
      } else if (c == ',' && level == 0) {
        parts.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(inner.substring(start));
    return parts;
  }
}
