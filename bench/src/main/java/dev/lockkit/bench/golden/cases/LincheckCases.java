package dev.lockkit.bench.golden.cases;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.Lincheck;

/**
 * The cases of {@link Case}, written as Lincheck's users write them ("Testing arbitrary code" in
 * Lincheck's guide): the state, the threads and their actors all inline in the {@code
 * runConcurrentTest} block, the check an assertion at its end. Handing Lincheck actors made outside
 * the block (a {@code Supplier} and {@code Consumer}s, as golden's API takes them) hid the plain
 * field lost update from it in a probe, so that is not how it is measured.
 */
public final class LincheckCases {

  private LincheckCases() {}

  /** Runs case {@code name} (a {@link Case#name}); throws Lincheck's failure if it finds one. */
  public static void run(String name, int invocations) {
    switch (name) {
      case "lost update (plain field)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Plain p = new Case.Plain();
                Thread t0 = new Thread(() -> p.inc());
                Thread t1 = new Thread(() -> p.inc());
                t0.start();
                t1.start();
                join(t0, t1);
                check("n=" + p.n, "n=2");
              });
      case "check-then-act (ConcurrentHashMap)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Registry r = new Case.Registry();
                Thread t0 = new Thread(() -> r.openRacy("k"));
                Thread t1 = new Thread(() -> r.openRacy("k"));
                t0.start();
                t1.start();
                join(t0, t1);
                check("created=" + r.created, "created=1");
              });
      case "AB-BA deadlock (ReentrantLock)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Accounts a = new Case.Accounts();
                Thread t0 = new Thread(() -> a.lockBoth(a.a, a.b));
                Thread t1 = new Thread(() -> a.lockBoth(a.b, a.a));
                t0.start();
                t1.start();
                join(t0, t1);
                check("moved=" + a.moved, "moved=2");
              });
      case "lost wake-up (wait/notifyAll)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Mailbox m = new Case.Mailbox();
                Thread t0 = new Thread(() -> m.takeRacy());
                Thread t1 = new Thread(() -> m.put("x"));
                t0.start();
                t1.start();
                join(t0, t1);
                check("message=" + m.message, "message=x");
              });
      case "executor race" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Batch b = new Case.Batch();
                Thread t0 = new Thread(() -> b.run());
                Thread t1 = new Thread(() -> {});
                t0.start();
                t1.start();
                join(t0, t1);
                check("done=" + b.done, "done=2");
              });
      case "synchronized counter" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Sync s = new Case.Sync();
                Thread t0 = new Thread(() -> s.inc());
                Thread t1 = new Thread(() -> s.inc());
                t0.start();
                t1.start();
                join(t0, t1);
                check("n=" + s.get(), "n=2");
              });
      case "atomic counter" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                AtomicInteger c = new AtomicInteger();
                Thread t0 = new Thread(() -> c.incrementAndGet());
                Thread t1 = new Thread(() -> c.incrementAndGet());
                t0.start();
                t1.start();
                join(t0, t1);
                check("n=" + c.get(), "n=2");
              });
      case "merge-based registry" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                Case.Registry r = new Case.Registry();
                Thread t0 = new Thread(() -> r.login("k"));
                Thread t1 = new Thread(() -> r.login("k"));
                t0.start();
                t1.start();
                join(t0, t1);
                check("k=" + r.map.get("k"), "k=2");
              });
      case "producer/consumer (ArrayBlockingQueue)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Pipe p = new BlockingCases.Pipe();
                Thread t0 = new Thread(() -> p.produce(2));
                Thread t1 = new Thread(() -> p.consume(2));
                t0.start();
                t1.start();
                join(t0, t1);
                check("got=" + p.got, "got=[1, 2]");
              });
      case "consumer takes one too many (ArrayBlockingQueue)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Pipe p = new BlockingCases.Pipe();
                Thread t0 = new Thread(() -> p.produce(1));
                Thread t1 = new Thread(() -> p.consume(2));
                t0.start();
                t1.start();
                join(t0, t1);
                check("got=" + p.got, "got=[1, 2]");
              });
      case "barrier with one party too many (CyclicBarrier)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Barrier b = new BlockingCases.Barrier(3);
                Thread t0 = new Thread(() -> b.await());
                Thread t1 = new Thread(() -> b.await());
                t0.start();
                t1.start();
                join(t0, t1);
              });
      case "check-then-offer lost hand-off (ArrayBlockingQueue)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Outbox o = new BlockingCases.Outbox();
                Thread t0 = new Thread(() -> o.send("a"));
                Thread t1 = new Thread(() -> o.send("b"));
                t0.start();
                t1.start();
                join(t0, t1);
                String out = "sent=" + o.sent.get() + " queued=" + o.q.size();
                if (out.equals("sent=2 queued=1")) {
                  throw new AssertionError("bad outcome " + out);
                }
              });
      case "exchange (Exchanger)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Swap s = new BlockingCases.Swap();
                Thread t0 = new Thread(() -> s.a = s.exchange("a"));
                Thread t1 = new Thread(() -> s.b = s.exchange("b"));
                t0.start();
                t1.start();
                join(t0, t1);
                check(s.a + s.b, "ba");
              });
      case "timed poll may time out (ArrayBlockingQueue)" ->
          Lincheck.runConcurrentTest(
              invocations,
              () -> {
                BlockingCases.Poll p = new BlockingCases.Poll();
                Thread t0 = new Thread(() -> p.poll());
                Thread t1 = new Thread(() -> p.q.offer("x"));
                t0.start();
                t1.start();
                join(t0, t1);
                if (!p.got.equals("x") && !p.got.equals("null")) {
                  throw new AssertionError("bad outcome got=" + p.got);
                }
              });
      default -> throw new IllegalArgumentException("no Lincheck version of case '" + name + "'");
    }
  }

  /** A trivial block, run once before the measured cases (Lincheck attaches its agent there). */
  public static void warmUp() {
    Lincheck.runConcurrentTest(
        10,
        () -> {
          AtomicInteger c = new AtomicInteger();
          Thread t = new Thread(() -> c.incrementAndGet());
          t.start();
          join(t);
          check("n=" + c.get(), "n=1");
        });
  }

  private static void join(Thread... threads) {
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(String outcome, String expected) {
    if (!outcome.equals(expected)) {
      throw new AssertionError("bad outcome " + outcome);
    }
  }
}
