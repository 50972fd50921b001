package dev.lockkit.golden.jvm;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What instrumented code gets for {@code new SynchronousQueue(..)}, {@code LinkedTransferQueue} and
 * {@code Exchanger} (see {@link JdkQueues} for how they are substituted). These hand an item from
 * one thread straight to another that waits, so the waiting side is part of their state: the model
 * keeps, per schedule, who waits with what ({@link Waiter}), matches a newcomer against them, and
 * lets an unmatched caller wait (modelled, {@link Waits}). Matching is the atomic step after the
 * call's scheduling point; the wait that may follow is a second point. Off the task threads every
 * method is the JDK's.
 */
public final class JdkHandoffs {

  private JdkHandoffs() {}

  /** A task waiting to give or take an item, or to exchange one. */
  static final class Waiter {
    final Task task;
    Object item;
    Object reply;
    boolean done;

    Waiter(Task task, Object item) {
      this.task = task;
      this.item = item;
    }
  }

  /** The waiting takers and givers of one queue or exchanger, in arrival order. */
  static final class Waiting {
    final ArrayDeque<Waiter> takers = new ArrayDeque<>();
    final ArrayDeque<Waiter> givers = new ArrayDeque<>();
  }

  private static Waiting waiting(Object on) {
    return Rt.sched().models.state(on, Waiting::new);
  }

  /** Waits (modelled) until {@code w} is matched; an interrupt takes it out of {@code line}. */
  private static void awaitOrLeave(
      Task t, Waiter w, ArrayDeque<Waiter> line, java.util.function.Supplier<String> what)
      throws InterruptedException {
    try {
      Waits.until(t, () -> w.done, what);
    } catch (InterruptedException e) {
      line.remove(w);
      throw e;
    }
  }

  /**
   * {@link java.util.concurrent.SynchronousQueue}: no capacity; a {@code put} waits for a taker, a
   * {@code take} for a giver; {@code offer}/{@code poll} succeed only against one that waits. A
   * fair queue matches the longest waiter, an unfair one the newest (the JDK's queue and stack).
   */
  public static class SynchronousQueue<E> extends java.util.concurrent.SynchronousQueue<E> {
    private final boolean fair;

    public SynchronousQueue() {
      this(false);
    }

    public SynchronousQueue(boolean fair) {
      super(fair);
      this.fair = fair;
    }

    private Waiter next(ArrayDeque<Waiter> q) {
      return fair ? q.pollFirst() : q.pollLast();
    }

    private boolean handOver(E e) {
      Waiter w = next(waiting(this).takers);
      if (w == null) {
        return false;
      }
      w.item = e;
      w.done = true;
      return true;
    }

    @SuppressWarnings("unchecked")
    private E takeOver() {
      Waiter g = next(waiting(this).givers);
      if (g == null) {
        return null;
      }
      g.done = true;
      return (E) g.item;
    }

    @Override
    public boolean offer(E e) {
      Task t = Waits.task(this, "offer()");
      if (t == null) {
        return super.offer(e);
      }
      return handOver(Objects.requireNonNull(e));
    }

    @Override
    public void put(E e) throws InterruptedException {
      Task t = Waits.task(this, "put()");
      if (t == null) {
        super.put(e);
        return;
      }
      Objects.requireNonNull(e);
      Waits.checkInterrupt();
      if (handOver(e)) {
        return;
      }
      Waiter g = new Waiter(t, e);
      waiting(this).givers.add(g);
      String name = Waits.name(this);
      awaitOrLeave(t, g, waiting(this).givers, () -> "waits in " + name + ".put() for a taker");
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "offer()");
      if (t == null) {
        return super.offer(e, timeout, unit);
      }
      Objects.requireNonNull(e);
      Waits.checkInterrupt();
      if (handOver(e)) {
        return true;
      }
      Waiter g = new Waiter(t, e);
      waiting(this).givers.add(g);
      Waits.timed(t);
      if (!g.done) {
        waiting(this).givers.remove(g); // timed out: nobody took it
      }
      return g.done;
    }

    @Override
    public E poll() {
      Task t = Waits.task(this, "poll()");
      return t == null ? super.poll() : takeOver();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      if (t == null) {
        return super.take();
      }
      Waits.checkInterrupt();
      E e = takeOver();
      if (e != null) {
        return e;
      }
      Waiter w = new Waiter(t, null);
      waiting(this).takers.add(w);
      String name = Waits.name(this);
      awaitOrLeave(t, w, waiting(this).takers, () -> "waits in " + name + ".take() for a giver");
      return (E) w.item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      if (t == null) {
        return super.poll(timeout, unit);
      }
      Waits.checkInterrupt();
      E e = takeOver();
      if (e != null) {
        return e;
      }
      Waiter w = new Waiter(t, null);
      waiting(this).takers.add(w);
      Waits.timed(t);
      if (!w.done) {
        waiting(this).takers.remove(w);
      }
      return (E) w.item;
    }
  }

  /**
   * {@link java.util.concurrent.LinkedTransferQueue}: unbounded; an insertion goes straight to the
   * longest-waiting taker if there is one (the JDK's dual queue), else into the queue; a {@code
   * transfer} then waits (modelled) until its element has left the queue; a {@code take} from an
   * empty queue waits for an insertion.
   */
  public static class LinkedTransferQueue<E> extends java.util.concurrent.LinkedTransferQueue<E> {
    public LinkedTransferQueue() {
      super();
    }

    public LinkedTransferQueue(Collection<? extends E> c) {
      super(c);
    }

    private boolean handOver(E e) {
      Waiter w = waiting(this).takers.pollFirst();
      if (w == null) {
        return false;
      }
      w.item = e;
      w.done = true;
      return true;
    }

    private boolean insert(E e) {
      Objects.requireNonNull(e);
      if (!handOver(e)) {
        super.offer(e);
      }
      return true;
    }

    private boolean queued(E e) {
      for (E x : this) {
        if (x == e) {
          return true;
        }
      }
      return false;
    }

    private void unqueue(E e) {
      for (Iterator<E> it = iterator(); it.hasNext(); ) {
        if (it.next() == e) {
          it.remove();
          return;
        }
      }
    }

    @Override
    public void put(E e) {
      Task t = Waits.task(this, "put()");
      if (t == null) {
        super.put(e);
      } else {
        insert(e);
      }
    }

    @Override
    public boolean offer(E e) {
      Task t = Waits.task(this, "offer()");
      return t == null ? super.offer(e) : insert(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
      Task t = Waits.task(this, "offer()");
      return t == null ? super.offer(e, timeout, unit) : insert(e);
    }

    @Override
    public boolean add(E e) {
      Task t = Waits.task(this, "add()");
      return t == null ? super.add(e) : insert(e);
    }

    @Override
    public boolean tryTransfer(E e) {
      Task t = Waits.task(this, "tryTransfer()");
      return t == null ? super.tryTransfer(e) : handOver(Objects.requireNonNull(e));
    }

    @Override
    public void transfer(E e) throws InterruptedException {
      Task t = Waits.task(this, "transfer()");
      if (t == null) {
        super.transfer(e);
        return;
      }
      Objects.requireNonNull(e);
      Waits.checkInterrupt();
      if (handOver(e)) {
        return;
      }
      super.offer(e);
      String name = Waits.name(this);
      try {
        Waits.until(t, () -> !queued(e), () -> "waits in " + name + ".transfer() for a consumer");
      } catch (InterruptedException x) {
        unqueue(e); // an interrupted transfer leaves nothing behind, as in the JDK
        throw x;
      }
    }

    @Override
    public boolean tryTransfer(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "tryTransfer()");
      if (t == null) {
        return super.tryTransfer(e, timeout, unit);
      }
      Objects.requireNonNull(e);
      Waits.checkInterrupt();
      if (handOver(e)) {
        return true;
      }
      super.offer(e);
      Waits.timed(t);
      if (!queued(e)) {
        return true;
      }
      unqueue(e);
      return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      if (t == null) {
        return super.take();
      }
      Waits.checkInterrupt();
      E e = super.poll();
      if (e != null) {
        return e;
      }
      Waiter w = new Waiter(t, null);
      waiting(this).takers.add(w);
      String name = Waits.name(this);
      awaitOrLeave(
          t, w, waiting(this).takers, () -> "waits for an element of " + name + " (empty)");
      return (E) w.item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      if (t == null) {
        return super.poll(timeout, unit);
      }
      Waits.checkInterrupt();
      E e = super.poll();
      if (e != null) {
        return e;
      }
      Waiter w = new Waiter(t, null);
      waiting(this).takers.add(w);
      Waits.timed(t);
      if (!w.done) {
        waiting(this).takers.remove(w);
      }
      return (E) w.item;
    }

    @Override
    public boolean hasWaitingConsumer() {
      return getWaitingConsumerCount() > 0;
    }

    @Override
    public int getWaitingConsumerCount() {
      Task t = Waits.task(this, "getWaitingConsumerCount()");
      Waiting w = t != null ? waiting(this) : Waits.stateOffTask(this);
      return w == null ? super.getWaitingConsumerCount() : w.takers.size();
    }
  }

  /**
   * {@link java.util.concurrent.Exchanger}: the first caller waits (modelled) for a partner; the
   * second takes its item and gives it its own. A timed exchange that golden lets go on unmatched
   * throws {@link TimeoutException}.
   */
  public static class Exchanger<V> extends java.util.concurrent.Exchanger<V> {
    public Exchanger() {
      super();
    }

    @SuppressWarnings("unchecked")
    private V meet(Object mine) {
      Waiter partner = waiting(this).givers.pollFirst();
      if (partner == null) {
        return null;
      }
      partner.reply = mine;
      partner.done = true;
      return (V) partner.item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V exchange(V x) throws InterruptedException {
      Task t = Waits.task(this, "exchange()");
      if (t == null) {
        return super.exchange(x);
      }
      Waits.checkInterrupt();
      if (!waiting(this).givers.isEmpty()) {
        return meet(x);
      }
      Waiter w = new Waiter(t, x);
      waiting(this).givers.add(w);
      String name = Waits.name(this);
      awaitOrLeave(
          t, w, waiting(this).givers, () -> "waits in " + name + ".exchange() for a partner");
      return (V) w.reply;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V exchange(V x, long timeout, TimeUnit unit)
        throws InterruptedException, TimeoutException {
      Task t = Waits.task(this, "exchange()");
      if (t == null) {
        return super.exchange(x, timeout, unit);
      }
      Waits.checkInterrupt();
      if (!waiting(this).givers.isEmpty()) {
        return meet(x);
      }
      Waiter w = new Waiter(t, x);
      waiting(this).givers.add(w);
      Waits.timed(t);
      if (w.done) {
        return (V) w.reply;
      }
      waiting(this).givers.remove(w);
      throw new TimeoutException();
    }
  }
}
