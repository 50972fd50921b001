package dev.lockkit.golden.approve;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.trace.Canonical;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.approvaltests.Approvals;
import org.approvaltests.approvers.ApprovalApprover;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.reporters.ReporterWithApprovalPower;

/**
 * A directory of approved golden files, checked through ApprovalTests' verify protocol.
 *
 * <p>Implementation overview. {@link #check} hands ApprovalTests ({@link Approvals#verify(
 * ApprovalApprover, Options)}) an approver that writes the received text beside the approved file
 * (to a temporary name, then renamed, so a crash never leaves a torn file) and compares the two
 * with ApprovalTests' own text comparison. On a difference ApprovalTests calls the reporter: under
 * {@link Policy#UPDATE} that is {@link AtomicApprover}, which renames the received file over the
 * approved one (an atomic replace in the same directory) and so has approval power; under {@link
 * Policy#VERIFY} and {@link Policy#STRICT} the reporter only leaves the received file for review.
 * An approved file is therefore written only by an explicit update, only by rename, and never on
 * CI. (A custom approver rather than {@code FileApprover}: the latter also writes logs into the
 * project root and downloads helper scripts, neither wanted in a CI tool.)
 */
public final class ApprovalStore {

  /** The outcome of checking one golden text. */
  public enum Status {
    /** Equal to the approved file. */
    MATCH,
    /** Differs from the approved file (the received file is left beside it). */
    MISMATCH,
    /** No approved file exists (the received file is left). */
    MISSING,
    /** The approved file was written or replaced by an update. */
    UPDATED,
    /**
     * The run explored less than the approved file's coverage stamp says (a smaller preemption
     * bound, a truncated search): failed without comparing, the received file left for review.
     */
    WEAKENED,
    /** The approved file's coverage stamp is impossible (edited by hand): a line-numbered error. */
    INVALID
  }

  /**
   * One check's result.
   *
   * @param status what happened
   * @param approved the approved file
   * @param detail the first difference, or empty
   */
  public record Result(Status status, Path approved, String detail) {
    /** Whether the check passed (a match or an update). */
    public boolean passed() {
      return status == Status.MATCH || status == Status.UPDATED;
    }
  }

  private static final String APPROVED = ".approved.txt";
  private static final String RECEIVED = ".received.txt";

  private final Path dir;
  private final Policy policy;
  private final Set<Path> produced = new HashSet<>();

  /** A store over {@code dir} with {@code policy}. */
  public ApprovalStore(Path dir, Policy policy) {
    this.dir = dir;
    this.policy = policy;
  }

  /** The policy in force. */
  public Policy policy() {
    return policy;
  }

  /** The directory of approved files. */
  public Path dir() {
    return dir;
  }

  /** The approved file of {@code scenario} on {@code variant}. */
  public Path approvedFile(String scenario, Variant variant) {
    return dir.resolve(scenario + "." + variant.id() + APPROVED);
  }

  /**
   * The approved file of a text that is not per variant (a report, a comparison): {@code
   * <name>.approved.txt}.
   */
  public Path approvedFile(String name) {
    return dir.resolve(name + APPROVED);
  }

  /** Checks {@code text} against the approved file of {@code scenario} on {@code variant}. */
  public Result check(String scenario, Variant variant, String text) {
    return check(scenario + "." + variant.id(), text, true);
  }

  /**
   * Checks {@code text} against {@code <stem>.approved.txt} (ApprovalTests' naming: a JUnit test's
   * stem is {@code Class.method}, with the variant id appended on a variant matrix). The text
   * carries a coverage stamp, like a scenario's.
   */
  public Result check(String stem, String text) {
    return check(stem, text, true);
  }

  /**
   * Checks {@code text} against {@code <name>.approved.txt}: the one approval path of the project,
   * for texts that are not explorations too (a report, a listing), so that every approved file has
   * the same update rule (the policy) and every received file the same name, {@code
   * <name>.received.txt}. Such a text carries no coverage stamp: its {@code mode:} lines, if any,
   * are plain text.
   */
  public Result checkText(String name, String text) {
    return check(name, text, false);
  }

  private Result check(String name, String text, boolean stamped) {
    Path approved = approvedFile(name);
    if (!produced.add(approved)) {
      throw new IllegalStateException("golden file checked twice in one run: " + approved);
    }
    Path received = dir.resolve(name + RECEIVED);
    boolean existed = Files.exists(approved);
    String weakened = null;
    if (existed && stamped) {
      CoverageStamp was;
      try {
        was = CoverageStamp.parse(readApproved(approved));
      } catch (CoverageStamp.StampException e) {
        if (policy != Policy.UPDATE) {
          return new Result(Status.INVALID, approved, approved + ":" + e.getMessage());
        }
        was = null; // an update re-records the broken file
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      CoverageStamp now = was == null ? null : CoverageStamp.parse(text);
      weakened = now == null ? null : now.weakerThan(was);
      if (weakened != null && policy != Policy.UPDATE) {
        writeAtomically(received, text);
        return new Result(
            Status.WEAKENED,
            approved,
            "coverage weakened: " + weakened + " (approved: " + was.describe() + ")");
      }
    }
    Options options =
        new Options(Canonical.scrubber())
            .withReporter(policy == Policy.UPDATE ? new AtomicApprover() : new LeaveReceived());
    Approver approver = new Approver(options.scrub(text), received, approved);
    try {
      Approvals.verify(approver, options);
    } catch (Mismatch m) {
      return new Result(existed ? Status.MISMATCH : Status.MISSING, approved, approver.detail);
    }
    String detail =
        weakened == null
            ? approver.detail
            : "coverage weakened by this update: " + weakened + "; " + approver.detail;
    return new Result(approver.differed ? Status.UPDATED : Status.MATCH, approved, detail);
  }

  /** Approved files in the directory that are not in {@code expected}, sorted. */
  public List<Path> obsolete(Set<Path> expected) {
    return list(APPROVED, expected);
  }

  /** Received files left in the directory (unreviewed differences), sorted. */
  public List<Path> strayReceived() {
    return list(RECEIVED, Set.of());
  }

  private List<Path> list(String suffix, Set<Path> except) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + suffix)) {
      for (Path p : ds) {
        if (!except.contains(p)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  /**
   * Writes {@code text} to {@code target} through the project's one output writer (a sibling
   * temporary file renamed over the target, keeping a replaced file's mode and giving a new one the
   * umask's).
   */
  static void writeAtomically(Path target, String text) {
    try {
      dev.lockkit.analyzer.io.OutputFiles.write(target, text);
    } catch (dev.lockkit.analyzer.io.OutputException e) {
      throw new UncheckedIOException(
          "cannot write " + target + ": " + e.getMessage(), new IOException(e.getMessage(), e));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * An approved file's text with line ends normalised: a checkout with CRLF line ends (Windows, or
   * git's autocrlf) holds the same approved text as one with LF.
   */
  static String readApproved(Path approved) throws IOException {
    // In the user's terms, with the file's name: Java's own messages ("Is a directory", "Input
    // length = 1") name neither the file nor the problem.
    if (Files.isDirectory(approved)) {
      throw new IOException(approved + ": is a directory, not an approved file");
    }
    if (!Files.isRegularFile(approved)) {
      throw new IOException(approved + ": not a regular file (a pipe, socket or device)");
    }
    String text;
    try {
      text = Files.readString(approved, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(approved + ": not UTF-8 text", e);
    }
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
  }

  private static String firstDifference(Path approved, String received) {
    if (!Files.exists(approved)) {
      return "no approved file " + approved.getFileName();
    }
    String[] a;
    try {
      a = readApproved(approved).split("\n", -1);
    } catch (IOException e) {
      return "cannot read " + e.getMessage();
    }
    String[] r = received.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, r.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < r.length ? r[i] : "<end of file>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": approved '" + x + "', received '" + y + "'";
      }
    }
    return "";
  }

  /** Thrown by {@link Approver#fail()}; caught in {@link #check}. */
  private static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch() {
      super(null, null, false, false);
    }
  }

  private static final class Approver implements ApprovalApprover {
    private final String text;
    private final Path received;
    private final Path approved;
    boolean differed;
    String detail = "";

    Approver(String text, Path received, Path approved) {
      this.text = text;
      this.received = received;
      this.approved = approved;
    }

    @Override
    public VerifyResult approve() {
      writeAtomically(received, text);
      VerifyResult r;
      try {
        r =
            Files.exists(approved) && readApproved(approved).equals(text)
                ? VerifyResult.SUCCESS
                : VerifyResult.FAILURE;
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      if (r.isFailure()) {
        differed = true;
        detail = firstDifference(approved, text);
      }
      return r;
    }

    @Override
    public void cleanUpAfterSuccess(ApprovalFailureReporter reporter) {
      try {
        Files.deleteIfExists(received);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public VerifyResult reportFailure(ApprovalFailureReporter reporter) {
      reporter.report(received.toString(), approved.toString());
      return reporter instanceof ReporterWithApprovalPower p
          ? p.approveWhenReported()
          : VerifyResult.FAILURE;
    }

    @Override
    public void fail() {
      throw new Mismatch();
    }
  }

  /** Leaves the received file beside the approved one for review; approves nothing. */
  private static final class LeaveReceived implements ApprovalFailureReporter {
    @Override
    public boolean report(String received, String approved) {
      return true;
    }
  }

  /** Approves by renaming the received file over the approved one: atomic, never torn. */
  static final class AtomicApprover implements ReporterWithApprovalPower {
    @Override
    public boolean report(String received, String approved) {
      try {
        move(new File(received).toPath(), new File(approved).toPath());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot approve " + approved + ": " + e.getMessage(), e);
      }
      return true;
    }

    @Override
    public VerifyResult approveWhenReported() {
      return VerifyResult.SUCCESS;
    }
  }
}
