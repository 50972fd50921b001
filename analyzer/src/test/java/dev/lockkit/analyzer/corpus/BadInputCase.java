package dev.lockkit.analyzer.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bad-input case, read from a {@code .case} file:
 *
 * <pre>
 * # what the case is about (comment lines start with #)
 * command: analyze                       # a command of {@link BadInputCorpusTest#COMMANDS}
 * args: --rules {dir}/rules.txt {dir}/src  # {dir} is the case's scratch directory
 * exit: 2
 * stderr: rules.txt:2:11: bad pattern    # substrings; {dir} substituted; either or both
 * stdout: ...
 * seconds: 60                            # time bound (default 60)
 * writes: out.txt                        # a file the run may create (else no file is touched)
 * --- file rules.txt
 * version 1
 * layer x a.b-c
 * --- link src/p/loop -&gt; src           # a symbolic link, target relative to the link's parent
 * --- dir empty
 * </pre>
 *
 * <p>File contents may use {@code {repeat N TEXT}} (TEXT without a closing brace) for large or deep
 * inputs, e.g. {@code {repeat 5000 (}}. Why a text format: cases for other formats (Kconfig,
 * scenarios, plans, templates) are added as files, without code.
 */
record BadInputCase(
    String name,
    String command,
    List<String> args,
    int exit,
    List<String> stderr,
    List<String> stdout,
    int seconds,
    List<String> writes,
    Map<String, String> files,
    Map<String, String> links,
    List<String> dirs) {

  private static final Pattern REPEAT = Pattern.compile("\\{repeat (\\d+) ([^}]*)\\}");

  static BadInputCase read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.case$", "");
    String command = "analyze";
    List<String> args = List.of();
    Integer exit = null;
    List<String> stderr = new ArrayList<>();
    List<String> stdout = new ArrayList<>();
    int seconds = 60;
    List<String> writes = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, String> links = new LinkedHashMap<>();
    List<String> dirs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int i = 0;
    for (; i < lines.size() && !lines.get(i).startsWith("---"); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      if (colon < 0) {
        throw new IOException(file + ":" + (i + 1) + ": expected 'key: value'");
      }
      String key = l.substring(0, colon).strip();
      String value = l.substring(colon + 1).strip();
      switch (key) {
        case "command" -> command = value;
        case "args" -> args = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        case "exit" -> exit = Integer.parseInt(value);
        case "stderr" -> stderr.add(value);
        case "stdout" -> stdout.add(value);
        case "seconds" -> seconds = Integer.parseInt(value);
        case "writes" -> writes.add(value);
        default -> throw new IOException(file + ":" + (i + 1) + ": unknown key '" + key + "'");
      }
    }
    if (exit == null || (stderr.isEmpty() && stdout.isEmpty())) {
      throw new IOException(file + ": needs 'exit:' and a 'stderr:' or 'stdout:' message");
    }
    while (i < lines.size()) {
      String header = lines.get(i).substring(3).strip();
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("---"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      if (header.startsWith("file ")) {
        files.put(header.substring(5).strip(), expand(body.toString()));
      } else if (header.startsWith("link ")) {
        String[] parts = header.substring(5).split("->");
        links.put(parts[0].strip(), parts[1].strip());
      } else if (header.startsWith("dir ")) {
        dirs.add(header.substring(4).strip());
      } else {
        throw new IOException(file + ": unknown section '--- " + header + "'");
      }
    }
    return new BadInputCase(
        name, command, args, exit, stderr, stdout, seconds, writes, files, links, dirs);
  }

  static String expand(String text) {
    Matcher m = REPEAT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Lays the case's files out under {@code dir}. */
  void materialise(Path dir) throws IOException {
    for (String d : dirs) {
      Files.createDirectories(dir.resolve(d));
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> l : links.entrySet()) {
      Path p = dir.resolve(l.getKey());
      Files.createDirectories(p.getParent());
      Files.createSymbolicLink(p, Path.of(l.getValue()));
    }
  }
}
