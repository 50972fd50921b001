package dev.lockkit.lockcore.sync;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A kernel task ({@code struct task_struct}, the part lockcore needs): a name, the thread it runs
 * on, a pending fatal signal, and per-task state of the primitives (RCU nesting, lockdep held
 * locks), which only the task itself touches.
 *
 * <p>{@link #current()} is {@code current}. A thread that never bound a task gets one named after
 * the thread, so plain JUnit threads work; the golden harness binds named tasks so traces are
 * deterministic.
 */
public final class Task {
  private static final ThreadLocal<Task> CURRENT = new ThreadLocal<>();

  private final String name;
  private final SharedRef<Thread> thread = new SharedRef<>(null);
  private final SharedInt fatalSignal = new SharedInt(0);
  // Owner-only: touched by the task's own thread, never shared.
  private final Map<Object, Object> local = new IdentityHashMap<>();
  // Owner-only one-entry cache of local(): the RCU reader of the last Rcu this task read under.
  // The RCU read side runs on every per-VMA fault; a field read instead of a ThreadLocal plus
  // IdentityHashMap look-up on each rcu_read_lock()/unlock() is most of what it costs. The reader
  // is typed (RcuReader refers to neither Task nor Rcu, so no type cycle): no class check before
  // the record's first store on every section.
  Object rcuOwner;
  RcuReader rcuReader;

  private Task(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A new task that is not yet running anywhere. */
  public static Task create(String name) {
    return new Task(name);
  }

  /** {@code current}: the task bound to this thread, created on first use if there is none. */
  public static Task current() {
    Task t = CURRENT.get();
    if (t == null) {
      t = new Task(Thread.currentThread().getName());
      t.bindToCurrentThread();
    }
    return t;
  }

  /** Binds this task to the calling thread until another task is bound there. */
  public void bindToCurrentThread() {
    CURRENT.set(this);
    thread.set(Thread.currentThread());
  }

  /**
   * Runs {@code body} as this task on the calling thread and restores the previous binding.
   *
   * @return what {@code body} returns
   */
  public <T> T call(Supplier<T> body) {
    Task previous = CURRENT.get();
    bindToCurrentThread();
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        previous.bindToCurrentThread();
      }
    }
  }

  /** Runs {@code body} as this task on the calling thread and restores the previous binding. */
  public void run(Runnable body) {
    call(
        () -> {
          body.run();
          return null;
        });
  }

  /** The task's name ({@code comm}); appears in reports and traces. */
  public String name() {
    return name;
  }

  /** The thread the task last ran on, or null. */
  public Thread thread() {
    return thread.get();
  }

  /**
   * Sends SIGKILL: sets the pending fatal signal and wakes the task if it sleeps killably ({@code
   * signal_wake_up()}).
   */
  public void sendFatalSignal() {
    fatalSignal.set(1);
    Thread t = thread.get();
    if (t != null) {
      fatalSignal.platform().unpark(t);
    }
  }

  /** {@code fatal_signal_pending(current)}. */
  public boolean fatalSignalPending() {
    return fatalSignal.get() != 0;
  }

  /** Clears the pending fatal signal (for reusing a task between scenario steps). */
  public void clearFatalSignal() {
    fatalSignal.set(0);
  }

  /**
   * Task-private state of a primitive ({@code key}), created by {@code init} on first use. Only the
   * task's own thread may call this.
   */
  @SuppressWarnings("unchecked")
  <K, V> V local(K key, Function<K, V> init) {
    return (V) local.computeIfAbsent(key, k -> init.apply((K) k));
  }

  /** Task-private state, or null if never created. */
  @SuppressWarnings("unchecked")
  <V> V localIfPresent(Object key) {
    return (V) local.get(key);
  }

  @Override
  public String toString() {
    return name;
  }
}
