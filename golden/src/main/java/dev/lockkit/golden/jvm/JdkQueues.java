package dev.lockkit.golden.jvm;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What instrumented code gets for {@code new ArrayBlockingQueue(..)}, {@code LinkedBlockingQueue},
 * {@code LinkedBlockingDeque}, {@code PriorityBlockingQueue} and {@code DelayQueue} ({@link
 * Instrumenter} substitutes the class at {@code new} and in constructor references): the JDK class
 * itself, with only its blocking methods changed on a task thread. The elements stay in the JDK
 * structure; a {@code put} into a full queue or a {@code take} from an empty one is a modelled wait
 * ({@link Waits}); a timed {@code offer}/{@code poll} that would wait is a scheduling point at
 * which golden decides whether it times out. Everything else, and every call off the task threads,
 * is the JDK's. Each class keeps its JDK simple name, so traces and deadlocks name {@code
 * ArrayBlockingQueue#1}.
 */
public final class JdkQueues {

  private JdkQueues() {}

  private static <E> E take(Task t, BlockingQueue<E> q, Supplier<E> remove)
      throws InterruptedException {
    Waits.checkInterrupt();
    String name = Waits.name(q);
    Waits.until(t, () -> !q.isEmpty(), () -> "waits for an element of " + name + " (empty)");
    E e = remove.get();
    Waits.check(e != null, q);
    return e;
  }

  private static <E> void put(Task t, BlockingQueue<E> q, E e, Predicate<E> insert)
      throws InterruptedException {
    Objects.requireNonNull(e);
    Waits.checkInterrupt();
    String name = Waits.name(q);
    Waits.until(
        t,
        () -> q.remainingCapacity() > 0,
        () -> "waits for room in " + name + " (full: " + q.size() + " elements)");
    Waits.check(insert.test(e), q);
  }

  private static <E> boolean offer(Task t, BlockingQueue<E> q, E e, Predicate<E> insert)
      throws InterruptedException {
    Objects.requireNonNull(e);
    Waits.checkInterrupt();
    if (q.remainingCapacity() == 0) {
      Waits.timed(t);
    }
    return insert.test(e);
  }

  private static <E> E poll(Task t, BlockingQueue<E> q, Supplier<E> remove)
      throws InterruptedException {
    Waits.checkInterrupt();
    if (q.isEmpty()) {
      Waits.timed(t);
    }
    return remove.get();
  }

  /** {@link java.util.concurrent.ArrayBlockingQueue} with modelled waits. */
  public static class ArrayBlockingQueue<E> extends java.util.concurrent.ArrayBlockingQueue<E> {
    public ArrayBlockingQueue(int capacity) {
      super(capacity);
    }

    public ArrayBlockingQueue(int capacity, boolean fair) {
      super(capacity, fair);
    }

    public ArrayBlockingQueue(int capacity, boolean fair, Collection<? extends E> c) {
      super(capacity, fair, c);
    }

    @Override
    public void put(E e) throws InterruptedException {
      Task t = Waits.task(this, "put()");
      if (t == null) {
        super.put(e);
      } else {
        JdkQueues.put(t, this, e, super::offer);
      }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "offer()");
      return t == null ? super.offer(e, timeout, unit) : JdkQueues.offer(t, this, e, super::offer);
    }

    @Override
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      return t == null ? super.take() : JdkQueues.take(t, this, super::poll);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      return t == null ? super.poll(timeout, unit) : JdkQueues.poll(t, this, super::poll);
    }
  }

  /** {@link java.util.concurrent.LinkedBlockingQueue} with modelled waits. */
  public static class LinkedBlockingQueue<E> extends java.util.concurrent.LinkedBlockingQueue<E> {
    public LinkedBlockingQueue() {
      super();
    }

    public LinkedBlockingQueue(int capacity) {
      super(capacity);
    }

    public LinkedBlockingQueue(Collection<? extends E> c) {
      super(c);
    }

    @Override
    public void put(E e) throws InterruptedException {
      Task t = Waits.task(this, "put()");
      if (t == null) {
        super.put(e);
      } else {
        JdkQueues.put(t, this, e, super::offer);
      }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "offer()");
      return t == null ? super.offer(e, timeout, unit) : JdkQueues.offer(t, this, e, super::offer);
    }

    @Override
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      return t == null ? super.take() : JdkQueues.take(t, this, super::poll);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      return t == null ? super.poll(timeout, unit) : JdkQueues.poll(t, this, super::poll);
    }
  }

  /**
   * {@link java.util.concurrent.LinkedBlockingDeque} with modelled waits. Its {@code put}, {@code
   * take} and timed {@code offer}/{@code poll} call the {@code Last}/{@code First} methods below.
   */
  public static class LinkedBlockingDeque<E> extends java.util.concurrent.LinkedBlockingDeque<E> {
    public LinkedBlockingDeque() {
      super();
    }

    public LinkedBlockingDeque(int capacity) {
      super(capacity);
    }

    public LinkedBlockingDeque(Collection<? extends E> c) {
      super(c);
    }

    @Override
    public void putFirst(E e) throws InterruptedException {
      Task t = Waits.task(this, "putFirst()");
      if (t == null) {
        super.putFirst(e);
      } else {
        JdkQueues.put(t, this, e, super::offerFirst);
      }
    }

    @Override
    public void putLast(E e) throws InterruptedException {
      Task t = Waits.task(this, "putLast()");
      if (t == null) {
        super.putLast(e);
      } else {
        JdkQueues.put(t, this, e, super::offerLast);
      }
    }

    @Override
    public boolean offerFirst(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "offerFirst()");
      return t == null
          ? super.offerFirst(e, timeout, unit)
          : JdkQueues.offer(t, this, e, super::offerFirst);
    }

    @Override
    public boolean offerLast(E e, long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "offerLast()");
      return t == null
          ? super.offerLast(e, timeout, unit)
          : JdkQueues.offer(t, this, e, super::offerLast);
    }

    @Override
    public E takeFirst() throws InterruptedException {
      Task t = Waits.task(this, "takeFirst()");
      return t == null ? super.takeFirst() : JdkQueues.take(t, this, super::pollFirst);
    }

    @Override
    public E takeLast() throws InterruptedException {
      Task t = Waits.task(this, "takeLast()");
      return t == null ? super.takeLast() : JdkQueues.take(t, this, super::pollLast);
    }

    @Override
    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "pollFirst()");
      return t == null ? super.pollFirst(timeout, unit) : JdkQueues.poll(t, this, super::pollFirst);
    }

    @Override
    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "pollLast()");
      return t == null ? super.pollLast(timeout, unit) : JdkQueues.poll(t, this, super::pollLast);
    }
  }

  /** {@link java.util.concurrent.PriorityBlockingQueue}: unbounded, only its takers wait. */
  public static class PriorityBlockingQueue<E>
      extends java.util.concurrent.PriorityBlockingQueue<E> {
    public PriorityBlockingQueue() {
      super();
    }

    public PriorityBlockingQueue(int initialCapacity) {
      super(initialCapacity);
    }

    public PriorityBlockingQueue(int initialCapacity, Comparator<? super E> comparator) {
      super(initialCapacity, comparator);
    }

    public PriorityBlockingQueue(Collection<? extends E> c) {
      super(c);
    }

    @Override
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      return t == null ? super.take() : JdkQueues.take(t, this, super::poll);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      return t == null ? super.poll(timeout, unit) : JdkQueues.poll(t, this, super::poll);
    }
  }

  /**
   * {@link java.util.concurrent.DelayQueue}: unbounded; a {@code take} waits (modelled) until the
   * queue has an element and then returns its head, expired or not: golden's time is not the wall
   * clock, and letting the head's delay pass is the wait. A timed {@code poll} returns the head if
   * its remaining delay fits in the time-out, after a point where golden decides. The untimed
   * {@code poll} is the JDK's, which reads the clock.
   */
  public static class DelayQueue<E extends Delayed> extends java.util.concurrent.DelayQueue<E> {
    public DelayQueue() {
      super();
    }

    public DelayQueue(Collection<? extends E> c) {
      super(c);
    }

    @Override
    public E take() throws InterruptedException {
      Task t = Waits.task(this, "take()");
      return t == null ? super.take() : JdkQueues.take(t, this, this::removeHead);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
      Task t = Waits.task(this, "poll()");
      if (t == null) {
        return super.poll(timeout, unit);
      }
      Waits.checkInterrupt();
      E head = peek();
      if (head == null || head.getDelay(TimeUnit.NANOSECONDS) > 0) {
        Waits.timed(t);
        head = peek();
      }
      return head != null && head.getDelay(TimeUnit.NANOSECONDS) <= unit.toNanos(timeout)
          ? removeHead()
          : null;
    }

    private E removeHead() {
      E head = peek();
      if (head == null) {
        return null;
      }
      for (Iterator<E> it = iterator(); it.hasNext(); ) {
        if (it.next() == head) {
          it.remove(); // by identity, unlike remove(Object)
          return head;
        }
      }
      return null;
    }
  }
}
