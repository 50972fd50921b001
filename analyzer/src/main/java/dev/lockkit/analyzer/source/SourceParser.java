package dev.lockkit.analyzer.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses every Java file of the source roots in parallel and keeps only their {@link FileFacts}.
 *
 * <p>Implementation overview. A fixed pool of at most {@code min(cores, 8)} threads parses one file
 * per task; each worker thread has a large stack ({@value #STACK_BYTES} bytes reserved, committed
 * only as used) because JavaParser descends recursively and deeply nested expressions would
 * otherwise overflow it. A {@link StackOverflowError} or a parser crash is caught per file and
 * becomes an {@code input/parse} finding for that file alone. The syntax tree is dropped as soon as
 * its facts are extracted, so memory grows with the number of references, not with tree sizes.
 * Files are handed out largest first; results are stored by file index, so the outcome does not
 * depend on thread timing or on that order.
 *
 * <p>Bytes that are not UTF-8 are decoded with the replacement character and reported once per file
 * as an {@code input/encoding} warning at the first bad byte; the file is still analysed. Files
 * above {@link Options#maxFileBytes} are not parsed and are reported as {@code input/too-large}.
 */
public final class SourceParser {

  static final long STACK_BYTES = 512L << 20;

  /** Tuning of a parse run. */
  public record Options(int threads, long maxFileBytes) {
    /** Defaults: one thread per core (at most 8) and a 16 MiB file-size limit. */
    public static Options defaults() {
      return new Options(Math.min(8, Runtime.getRuntime().availableProcessors()), 16L << 20);
    }
  }

  /** Receives progress; called from worker threads. */
  public interface Progress {
    void filesDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /** The files of all roots, in root order then path order. */
  public record Parsed(List<String> modules, List<FileFacts> files) {}

  /**
   * The parser settings: the Java 17 grammar (records, sealed types, {@code yield}, patterns) and
   * none of JavaParser's processing after the grammar. Dropped because nothing the analyzer reports
   * depends on them: comment attribution, lexical preservation, line-separator detection, the
   * language-level validators, which re-walk the whole tree once per check and cost about a third
   * of the parse, and the post-processor that turns {@code var} into a variable type, which the
   * extractor handles itself. Without the validators, code that the grammar accepts but javac
   * rejects (repeated modifiers, a misplaced keyword) is analysed instead of being an {@code
   * input/parse} finding; a file that does not parse is reported as before. Token storage stays on:
   * without it every node's position is 1:1. The configuration is only read during a parse, so all
   * workers share it.
   */
  static final ParserConfiguration CONFIG = parserConfiguration();

  private static ParserConfiguration parserConfiguration() {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false)
            .setDetectOriginalLineSeparator(false);
    config.getProcessors().clear();
    return config;
  }

  private static final Pattern LINE_COL = Pattern.compile("line (\\d+), column (\\d+)");

  private final Options options;
  private final Path displayBase;
  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  private Set<String> receiverMethods = Set.of();

  public SourceParser(Options options, Path displayBase) {
    this.options = options;
    this.displayBase = displayBase.toAbsolutePath().normalize();
  }

  /**
   * Also records, for each call of a method with one of these names, a description of its
   * receiver's static type ({@link FileFacts.RefKind#RECEIVER}), for rules that ban members. With
   * no names (the default) nothing extra is done.
   */
  public SourceParser typeReceiversOf(Set<String> methodNames) {
    this.receiverMethods = Set.copyOf(methodNames);
    return this;
  }

  /** Parses every file under the roots. */
  public Parsed parse(List<SourceRoot> roots, Progress progress) throws InputException {
    List<Path> files = new ArrayList<>();
    List<Integer> modules = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<FileFacts> unreadable = new ArrayList<>();
    for (int m = 0; m < roots.size(); m++) {
      names.add(roots.get(m).module());
      InputScanner.Listing listing = InputScanner.list(roots.get(m).root());
      for (Path f : listing.files()) {
        files.add(f);
        modules.add(m);
      }
      // A directory that cannot be read hides files: the run says so and is incomplete.
      for (InputScanner.Unreadable u : listing.unreadable()) {
        String path = display(u.path());
        unreadable.add(
            FileFacts.failed(
                m,
                path,
                Finding.of(
                    "input/unreadable",
                    Severity.ERROR,
                    Location.ofFile(path),
                    "cannot read "
                        + (Files.isDirectory(u.path()) ? "directory" : "file")
                        + ": "
                        + u.reason()
                        + "; not analysed",
                    path)));
      }
    }
    FileFacts[] out = new FileFacts[files.size()];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), threads());
    try {
      List<Future<?>> futures = new ArrayList<>(files.size());
      for (int index : largestFirst(files)) {
        futures.add(
            pool.submit(
                () -> {
                  out[index] = parseFile(files.get(index), modules.get(index));
                  progress.filesDone(done.incrementAndGet(), files.size());
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("internal error while parsing", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<FileFacts> all = new ArrayList<>(List.of(out));
    all.addAll(unreadable);
    return new Parsed(List.copyOf(names), List.copyOf(all));
  }

  /**
   * File indexes by decreasing size (ties by index): parse time grows with size, so the largest
   * files start first and the last task to finish is a small one instead of a large one started
   * late.
   */
  static Integer[] largestFirst(List<Path> files) {
    long[] sizes = new long[files.size()];
    Integer[] order = new Integer[files.size()];
    for (int i = 0; i < sizes.length; i++) {
      order[i] = i;
      try {
        sizes[i] = Files.size(files.get(i));
      } catch (IOException e) {
        sizes[i] = 0; // parseFile reports it
      }
    }
    Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Long.compare(sizes[b], sizes[a]) : a - b);
    return order;
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "lockkit-parse-" + n.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }

  /** Displays a file relative to the display base when it lies below it. */
  String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  private String intern(String s) {
    String prev = strings.putIfAbsent(s, s);
    return prev == null ? s : prev;
  }

  /** Parses one file; never throws for bad input. */
  FileFacts parseFile(Path file, int module) {
    String path = display(file);
    List<Finding> warnings = new ArrayList<>();
    String text;
    try {
      long size = Files.size(file);
      if (size > options.maxFileBytes()) {
        return FileFacts.failed(
            module,
            path,
            Finding.of(
                "input/too-large",
                Severity.ERROR,
                Location.ofFile(path),
                String.format(
                    "file is %,d bytes, above the %,d-byte limit; not analysed",
                    size, options.maxFileBytes()),
                path));
      }
      text = decode(Files.readAllBytes(file), path, warnings);
    } catch (IOException e) {
      return FileFacts.failed(
          module,
          path,
          Finding.of(
              "input/unreadable",
              Severity.ERROR,
              Location.ofFile(path),
              "cannot read file: " + e.getMessage(),
              path));
    }
    FileFacts facts;
    try {
      facts = parseText(text, module, path);
    } catch (StackOverflowError e) {
      facts =
          FileFacts.failed(
              module,
              path,
              parseProblem(path, 0, 0, "nesting too deep to parse (stack overflow); not analysed"));
    } catch (RuntimeException e) {
      facts =
          FileFacts.failed(
              module, path, parseProblem(path, 0, 0, "parser failed: " + oneLine(e.toString())));
    }
    facts.problems.addAll(0, warnings);
    return facts;
  }

  private FileFacts parseText(String text, int module, String path) {
    NestingScan.Refusal refused = NestingScan.check(text);
    if (refused != null) {
      return FileFacts.failed(
          module,
          path,
          parseProblem(
              path, refused.line(), refused.column(), refused.message() + "; not analysed"));
    }
    ParseResult<CompilationUnit> result = new JavaParser(CONFIG).parse(text);
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      List<Problem> problems = new ArrayList<>(result.getProblems());
      problems.sort(Problem.PROBLEM_BY_BEGIN_POSITION);
      if (problems.isEmpty()) {
        return FileFacts.failed(
            module, path, parseProblem(path, 0, 0, "syntax error: does not parse"));
      }
      Problem first = problems.get(0);
      int line = 0;
      int col = 0;
      Range range = first.getLocation().flatMap(l -> l.toRange()).orElse(null);
      if (range != null) {
        line = range.begin.line;
        col = range.begin.column;
      } else {
        Matcher m = LINE_COL.matcher(first.getMessage());
        if (m.find()) {
          line = Integer.parseInt(m.group(1));
          col = Integer.parseInt(m.group(2));
        }
      }
      String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
      return FileFacts.failed(
          module,
          path,
          parseProblem(path, line, col, "syntax error: " + oneLine(first.getMessage()) + more));
    }
    return FactExtractor.extract(
        result.getResult().get(), module, path, this::intern, receiverMethods);
  }

  private static Finding parseProblem(String path, int line, int col, String message) {
    return Finding.of("input/parse", Severity.ERROR, new Location(path, line, col), message, path);
  }

  private static String oneLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    String first = nl < 0 ? t : t.substring(0, nl).strip();
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }

  /** UTF-8, BOM dropped; malformed bytes become U+FFFD and one warning at the first of them. */
  static String decode(byte[] bytes, String path, List<Finding> warnings) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(in).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes, start);
      int line = 1;
      int lineStart = start;
      for (int i = start; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      warnings.add(
          Finding.of(
              "input/encoding",
              Severity.WARNING,
              new Location(path, line, bad - lineStart + 1),
              "bytes that are not UTF-8 (first at byte offset "
                  + bad
                  + "); decoded with U+FFFD replacement characters",
              path));
      // String's constructor replaces malformed input with U+FFFD.
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
  }

  private static int firstBadByte(byte[] bytes, int start) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      var r = d.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      return bytes.length;
    }
  }
}
