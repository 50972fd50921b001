package dev.lockkit.bench.golden.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cases over the JDK's blocking classes (issue 16 §2): a correct producer/consumer, a consumer that
 * takes one more than is produced, a barrier with one party too many, a check-then-offer lost
 * hand-off, a correct exchange, and a timed poll (correct code whose null result is legitimate).
 * Kept apart from {@link Case#all()}, whose eight cases the hand-off benchmark measures.
 */
public final class BlockingCases {

  private BlockingCases() {}

  static final class Pipe {
    final BlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
    final List<Integer> got = new ArrayList<>();

    void produce(int n) {
      try {
        for (int i = 1; i <= n; i++) {
          q.put(i);
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    void consume(int n) {
      try {
        for (int i = 0; i < n; i++) {
          got.add(q.take());
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class Barrier {
    final CyclicBarrier barrier;

    Barrier(int parties) {
      barrier = new CyclicBarrier(parties);
    }

    void await() {
      try {
        barrier.await();
      } catch (InterruptedException | BrokenBarrierException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class Outbox {
    final BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
    final AtomicInteger sent = new AtomicInteger();

    void send(String m) {
      if (q.remainingCapacity() > 0) {
        q.offer(m);
        sent.incrementAndGet();
      }
    }
  }

  static final class Swap {
    final Exchanger<String> x = new Exchanger<>();
    volatile String a;
    volatile String b;

    String exchange(String mine) {
      try {
        return x.exchange(mine);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class Poll {
    final BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
    volatile String got = "none";

    void poll() {
      try {
        got = String.valueOf(q.poll(1, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The blocking cases, in a fixed order. */
  public static List<Case<?>> all() {
    List<Case<?>> out = new ArrayList<>();
    out.add(
        new Case<Pipe>(
            "producer/consumer (ArrayBlockingQueue)",
            false,
            Pipe::new,
            p -> p.produce(2),
            p -> p.consume(2),
            p -> "got=" + p.got,
            o -> !o.equals("got=[1, 2]")));
    out.add(
        new Case<Pipe>(
            "consumer takes one too many (ArrayBlockingQueue)",
            true,
            Pipe::new,
            p -> p.produce(1),
            p -> p.consume(2),
            p -> "got=" + p.got,
            o -> !o.equals("got=[1, 2]")));
    out.add(
        new Case<Barrier>(
            "barrier with one party too many (CyclicBarrier)",
            true,
            () -> new Barrier(3),
            b -> b.await(),
            b -> b.await(),
            b -> "tripped",
            o -> !o.equals("tripped")));
    out.add(
        new Case<Outbox>(
            "check-then-offer lost hand-off (ArrayBlockingQueue)",
            true,
            Outbox::new,
            o -> o.send("a"),
            o -> o.send("b"),
            o -> "sent=" + o.sent.get() + " queued=" + o.q.size(),
            o -> o.equals("sent=2 queued=1")));
    out.add(
        new Case<Swap>(
            "exchange (Exchanger)",
            false,
            Swap::new,
            s -> s.a = s.exchange("a"),
            s -> s.b = s.exchange("b"),
            s -> s.a + s.b,
            o -> !o.equals("ba")));
    out.add(
        new Case<Poll>(
            "timed poll may time out (ArrayBlockingQueue)",
            false,
            Poll::new,
            p -> p.poll(),
            p -> p.q.offer("x"),
            p -> "got=" + p.got,
            o -> !o.equals("got=x") && !o.equals("got=null")));
    return out;
  }
}
