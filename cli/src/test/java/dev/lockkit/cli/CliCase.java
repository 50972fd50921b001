package dev.lockkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the command line's bad-input corpus, read from a {@code .case} file:
 *
 * <pre>
 * # what the case is about (comment lines start with #)
 * command: golden verify                  # the subcommand path under 'lockkit'
 * args: --scenarios {dir}/scn             # {dir} is the case's scratch directory
 * exit: 2
 * stderr: scn/a.scn:6: unknown operation  # substrings, with {dir} substituted; either or both
 * stdout: ...
 * stderr-lines: 2                         # most stderr lines allowed on exit 2 (default 1)
 * seconds: 60                             # time bound (default 60)
 * writes: appr/a.received.txt             # a file the run may create or change (repeatable)
 * --- file scn/a.scn                      # a file; its text may use the escapes below
 * --- crlf scn/b.scn                      # a file whose lines end in CR LF
 * --- link src/p/loop -&gt; ..            # a symbolic link, target relative to the link's parent
 * --- fifo rules.txt                      # a named pipe (no reader ever writes to it)
 * --- dir empty
 * </pre>
 *
 * <p>Escapes in file text: {@code {repeat N TEXT}} (TEXT without a closing brace) for large or deep
 * inputs; {@code {bytes ff fe 00}} for raw bytes (binary, non-UTF-8); {@code {bom}} for the UTF-8
 * byte-order mark. One harness for every subcommand's cases (the analyzer's own corpus moved here
 * as the {@code analyze-*} cases), so a rule such as "no report on stdout with exit 2" holds for
 * all of them.
 */
record CliCase(
    String name,
    List<String> command,
    List<String> args,
    int exit,
    List<String> stderr,
    List<String> stdout,
    int stderrLines,
    int seconds,
    List<String> writes,
    Map<String, byte[]> files,
    Map<String, String> links,
    List<String> fifos,
    List<String> dirs) {

  private static final Pattern ESCAPE =
      Pattern.compile("\\{repeat (\\d+) ([^}]*)\\}|\\{bytes ([0-9a-fA-F ]+)\\}|\\{bom\\}");

  static CliCase read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.case$", "");
    List<String> command = null;
    List<String> args = List.of();
    Integer exit = null;
    List<String> stderr = new ArrayList<>();
    List<String> stdout = new ArrayList<>();
    int stderrLines = 1;
    int seconds = 60;
    List<String> writes = new ArrayList<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, String> links = new LinkedHashMap<>();
    List<String> fifos = new ArrayList<>();
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
        case "command" -> command = List.of(value.split("\\s+"));
        case "args" -> args = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        case "exit" -> exit = Integer.parseInt(value);
        case "stderr" -> stderr.add(value);
        case "stdout" -> stdout.add(value);
        case "stderr-lines" -> stderrLines = Integer.parseInt(value);
        case "seconds" -> seconds = Integer.parseInt(value);
        case "writes" -> writes.add(value);
        default -> throw new IOException(file + ":" + (i + 1) + ": unknown key '" + key + "'");
      }
    }
    if (command == null || exit == null || (stderr.isEmpty() && stdout.isEmpty())) {
      throw new IOException(file + ": needs 'command:', 'exit:' and a 'stderr:' or 'stdout:'");
    }
    while (i < lines.size()) {
      String header = lines.get(i).substring(3).strip();
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("---"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      int space = header.indexOf(' ');
      String kind = space < 0 ? header : header.substring(0, space);
      String arg = space < 0 ? "" : header.substring(space + 1).strip();
      switch (kind) {
        case "file" -> files.put(arg, expand(body.toString()));
        case "crlf" -> files.put(arg, expand(body.toString().replace("\n", "\r\n")));
        case "link" -> {
          String[] parts = arg.split("->");
          links.put(parts[0].strip(), parts[1].strip());
        }
        case "fifo" -> fifos.add(arg);
        case "dir" -> dirs.add(arg);
        default -> throw new IOException(file + ": unknown section '--- " + header + "'");
      }
    }
    return new CliCase(
        name,
        command,
        args,
        exit,
        stderr,
        stdout,
        stderrLines,
        seconds,
        writes,
        files,
        links,
        fifos,
        dirs);
  }

  /** The file text with its escapes replaced, as bytes (UTF-8 except for {@code {bytes}}). */
  static byte[] expand(String text) {
    Matcher m = ESCAPE.matcher(text);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int last = 0;
    while (m.find()) {
      out.writeBytes(text.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
      if (m.group(1) != null) {
        out.writeBytes(
            m.group(2).repeat(Integer.parseInt(m.group(1))).getBytes(StandardCharsets.UTF_8));
      } else if (m.group(3) != null) {
        out.writeBytes(HexFormat.of().parseHex(m.group(3).replace(" ", "")));
      } else {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      last = m.end();
    }
    out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Lays the case's files out under {@code dir}. */
  void materialise(Path dir) throws IOException {
    for (String d : dirs) {
      Files.createDirectories(dir.resolve(d));
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    for (Map.Entry<String, String> l : links.entrySet()) {
      Path p = dir.resolve(l.getKey());
      Files.createDirectories(p.getParent());
      Files.createSymbolicLink(p, Path.of(l.getValue()));
    }
    for (String f : fifos) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      mkfifo(p);
    }
  }

  /** Creates a named pipe; Java has no API for it, so mkfifo(1) (POSIX) makes it. */
  private static void mkfifo(Path p) throws IOException {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
      if (!proc.waitFor(10, TimeUnit.SECONDS) || proc.exitValue() != 0) {
        throw new IOException("mkfifo " + p + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
