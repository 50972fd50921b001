package dev.lockkit.golden.junit;

import dev.lockkit.golden.approve.ApprovalStore;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.jvm.InstrumentingLoader;
import dev.lockkit.golden.jvm.JvmExplorer;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.sched.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Golden tests for concurrent Java code: shared state, two or more actors, an arbiter that renders
 * the end state as text; golden explores the actors' interleavings deterministically and approves
 * the set of outcomes.
 *
 * <pre>{@code
 * @GoldenTest
 * @Outcome(id = "hits=2", expect = Expect.ACCEPTABLE)
 * @Outcome(id = "hits=1", expect = Expect.FORBIDDEN, desc = "lost update")
 * void hitsAreCounted() {
 *   Golden.of(Cache::new)
 *       .actor(c -> c.get("a"))
 *       .actor(c -> c.get("a"))
 *       .arbiter(c -> "hits=" + c.hits())
 *       .verify();
 * }
 * }</pre>
 *
 * The test must run under {@link GoldenTest} or {@link Instrumented}, which load it instrumented.
 */
public final class Golden {

  private static final Map<Path, ApprovalStore> STORES = new ConcurrentHashMap<>();

  private Golden() {}

  /** Starts a test whose shared state each schedule gets fresh from {@code state}. */
  public static <S> Spec<S> of(Supplier<S> state) {
    return new Spec<>(Objects.requireNonNull(state, "state"));
  }

  /**
   * Differential: the same test on two implementations (before and after a change). Passes when
   * both reach the same set of outcomes; otherwise fails with the first outcome (in text order)
   * that only one of them reaches and the schedule that reaches it there.
   */
  public static void differential(Spec<?> before, Spec<?> after) {
    JvmExplorer.Result a = before.explore();
    JvmExplorer.Result b = after.explore();
    for (JvmExplorer.Result r : List.of(a, b)) {
      untrusted(r);
    }
    Map<String, Exploration.Outcome> left = byText(a.exploration());
    Map<String, Exploration.Outcome> right = byText(b.exploration());
    java.util.TreeSet<String> all = new java.util.TreeSet<>(left.keySet());
    all.addAll(right.keySet());
    for (String text : all) {
      boolean inLeft = left.containsKey(text);
      boolean inRight = right.containsKey(text);
      if (inLeft != inRight) {
        Exploration.Outcome o = inLeft ? left.get(text) : right.get(text);
        String msg =
            "differential: outcome '"
                + firstLine(text)
                + "' is reached by "
                + (inLeft ? "before" : "after")
                + " (schedule "
                + o.first()
                + ") but never by "
                + (inLeft ? "after" : "before")
                + "\n-- trace\n"
                + o.firstTrace();
        throw new GoldenFailure(
            msg, List.of(new GoldenFailure.Reached(text, o.first().toString(), o.firstTrace())));
      }
    }
  }

  private static Map<String, Exploration.Outcome> byText(Exploration x) {
    Map<String, Exploration.Outcome> m = new java.util.TreeMap<>();
    for (Exploration.Outcome o : x.outcomes()) {
      m.put(o.text(), o);
    }
    return m;
  }

  private static void untrusted(JvmExplorer.Result r) {
    if (r.trustworthy()) {
      return;
    }
    StringBuilder sb = new StringBuilder("golden: this result cannot be trusted, nothing approved");
    if (!r.foreign().isEmpty()) {
      sb.append("\n  code under test ran on threads outside golden's control: ")
          .append(String.join("; ", r.foreign()))
          .append(" (create threads with Thread.start or Executors in instrumented code)");
    }
    if (r.nondeterminism() != null) {
      sb.append("\n  non-deterministic: ")
          .append(r.nondeterminism())
          .append(" (the code under test depends on something besides the schedule)");
    }
    for (Exploration.Outcome o : r.exploration().outcomes()) {
      if (o.failure() != null
          && (o.failure().kind() == dev.lockkit.golden.sched.Failure.Kind.HANG
              || o.failure().kind() == dev.lockkit.golden.sched.Failure.Kind.NONDETERMINISM)) {
        sb.append("\n  ").append(o.text()).append(" (schedule ").append(o.first()).append(')');
      }
    }
    throw new GoldenFailure(sb.toString(), List.of());
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * One golden test: build it with {@link #actor}, {@link #arbiter} and the bounds, then {@link
   * #verify()} it (or {@link #replay} one schedule).
   *
   * @param <S> the shared state
   */
  public static final class Spec<S> {
    private final Supplier<S> state;
    private final List<Consumer<S>> actors = new ArrayList<>();
    private Function<S, ?> arbiter = s -> "";
    private int preemptions = 2;
    private int maxSchedules = 100_000;
    private Mode.Pct pct; // null: the exhaustive search
    private Duration timeout = Duration.ofSeconds(10);

    private Spec(Supplier<S> state) {
      this.state = state;
    }

    /** Adds the next actor ({@code T0}, then {@code T1}...): code that runs concurrently. */
    public Spec<S> actor(Consumer<S> actor) {
      actors.add(Objects.requireNonNull(actor, "actor"));
      return this;
    }

    /** Renders the end state as the outcome text (runs alone, after every actor has ended). */
    public Spec<S> arbiter(Function<S, ?> arbiter) {
      this.arbiter = Objects.requireNonNull(arbiter, "arbiter");
      return this;
    }

    /** The preemption bound of the exhaustive search (default 2). */
    public Spec<S> preemptions(int bound) {
      if (bound < 0) {
        throw new IllegalArgumentException("preemption bound must be at least 0: " + bound);
      }
      this.preemptions = bound;
      return this;
    }

    /** Stops the search after this many schedules (default 100,000): the result says so. */
    public Spec<S> maxSchedules(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max schedules must be at least 1: " + max);
      }
      this.maxSchedules = max;
      return this;
    }

    /**
     * Random schedules instead of the exhaustive search, for tests too big for it: PCT (Burckhardt
     * et al., ASPLOS 2010) with {@code depth} priority change points, {@code iterations} schedules
     * from {@code seed}. Deterministic for a seed; the coverage stamp says it is a sample.
     */
    public Spec<S> pct(long seed, int depth, int iterations) {
      this.pct = new Mode.Pct(seed, depth, iterations);
      return this;
    }

    /** How long a task may run without reaching a scheduling point before it is a hang. */
    public Spec<S> timeout(Duration t) {
      this.timeout = Objects.requireNonNull(t, "timeout");
      return this;
    }

    /** Explores and returns the raw result (no grading, no approval). */
    public JvmExplorer.Result explore() {
      return explore(pct != null ? pct : new Mode.Exhaustive(preemptions, maxSchedules));
    }

    private JvmExplorer.Result explore(Mode mode) {
      requireInstrumented();
      Function<S, String> render = s -> String.valueOf(arbiter.apply(s));
      return JvmExplorer.explore(
          state, actors, render, mode, timeout, JvmExplorer.DEFAULT_STEP_LIMIT);
    }

    private void requireInstrumented() {
      if (!(state.getClass().getClassLoader() instanceof InstrumentingLoader)) {
        throw new IllegalStateException(
            "golden: this test is not instrumented; annotate it with @GoldenTest (or @Instrumented"
                + " beside @Test / @VariantMatrixTest), or golden cannot see its threads");
      }
    }

    /**
     * Runs one schedule (a string from a failure, e.g. {@code T0@2,T1@3,T0@3}) and prints its
     * trace: set a breakpoint in the code under test and debug it. Fails like {@link #verify()} if
     * the outcome is forbidden; never touches approved files.
     */
    public JvmExplorer.Result replay(String schedule) {
      JvmExplorer.Result r = explore(new Mode.Replay(Schedule.parse(schedule)));
      Exploration.Outcome o = r.exploration().outcomes().get(0);
      System.out.println("golden replay " + schedule + " -> " + o.text() + "\n" + o.firstTrace());
      GoldenContext c = GoldenContext.current();
      grade(r, c == null ? List.of() : c.outcomes());
      return r;
    }

    /** Explores, grades and checks the approved file beside the test. */
    public void verify() {
      verify(null);
    }

    /**
     * As {@link #verify()}, on one variant of a matrix: the approved file's name ends with the
     * variant id.
     */
    public void verify(Variant variant) {
      GoldenContext c = GoldenContext.current();
      if (c == null) {
        requireInstrumented();
        throw new IllegalStateException("golden: verify() must run inside a @GoldenTest method");
      }
      JvmExplorer.Result r = explore();
      untrusted(r);
      List<Graded> graded = grade(r, c.outcomes());
      String name = c.testClass().getSimpleName() + "." + c.method().getName();
      String text = GoldenText.render(name, variant, r, graded, c.outcomes(), c.loader());
      Path dir = sourceDir(c.testClass());
      ApprovalStore store =
          STORES.computeIfAbsent(dir, d -> new ApprovalStore(d, Policy.fromEnvironment()));
      ApprovalStore.Result res;
      synchronized (store) {
        res = store.check(variant == null ? name : name + "." + variant.id(), text);
      }
      if (!res.passed()) {
        String how =
            store.policy() == Policy.STRICT
                ? " (CI: nothing is approved automatically; re-record locally with"
                    + " -Dgolden.update=true and commit)"
                : " (review the .received.txt beside it; approve with -Dgolden.update=true)";
        throw new AssertionFailedError(
            "golden "
                + res.status().name().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + res.approved()
                + ": "
                + res.detail()
                + how);
      }
    }
  }

  /** An outcome with the declaration that grades it (null: undeclared). */
  record Graded(Exploration.Outcome outcome, Outcome declared, boolean forbidden) {}

  static List<Graded> grade(JvmExplorer.Result r, List<Outcome> declared) {
    List<Graded> out = new ArrayList<>();
    List<GoldenFailure.Reached> bad = new ArrayList<>();
    for (Exploration.Outcome o : r.exploration().outcomes()) {
      Outcome match = null;
      for (Outcome d : declared) {
        if (java.util.regex.Pattern.compile(d.id(), java.util.regex.Pattern.DOTALL)
            .matcher(o.text().strip())
            .matches()) {
          match = d;
          break;
        }
      }
      boolean forbidden =
          match != null
              ? match.expect() == Expect.FORBIDDEN
              : !declared.isEmpty() || o.failure() != null;
      out.add(new Graded(o, match, forbidden));
      if (forbidden) {
        bad.add(new GoldenFailure.Reached(o.text(), o.first().toString(), o.firstTrace()));
      }
    }
    if (!bad.isEmpty()) {
      StringBuilder sb = new StringBuilder("golden: forbidden outcome reached");
      for (Graded g : out) {
        if (g.forbidden()) {
          sb.append("\n  '")
              .append(firstLine(g.outcome().text()))
              .append("'")
              .append(g.declared() == null ? " (declared by no @Outcome)" : "")
              .append(
                  g.declared() != null && !g.declared().desc().isEmpty()
                      ? " (" + g.declared().desc() + ")"
                      : "")
              .append(", replay with .replay(\"")
              .append(g.outcome().first())
              .append("\")");
        }
      }
      Graded first = out.stream().filter(Graded::forbidden).findFirst().orElseThrow();
      sb.append("\n-- trace of ").append(first.outcome().first()).append('\n');
      sb.append(first.outcome().firstTrace());
      throw new GoldenFailure(sb.toString(), bad);
    }
    return out;
  }

  /** {@code src/test/java/<package>} of the test class (Maven's layout, from the module dir). */
  static Path sourceDir(Class<?> testClass) {
    String configured = System.getProperty("golden.testSources");
    Path root = Path.of(configured != null ? configured : "src/test/java");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "golden: cannot find the test sources at "
              + root.toAbsolutePath()
              + " to put the approved file beside the test (set -Dgolden.testSources=DIR)");
    }
    return root.resolve(testClass.getPackageName().replace('.', '/')).toAbsolutePath().normalize();
  }
}
