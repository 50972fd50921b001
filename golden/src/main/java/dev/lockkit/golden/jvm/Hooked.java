package dev.lockkit.golden.jvm;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * What {@link Instrumenter} recognises: the JDK types and methods it replaces by a model or
 * precedes with a scheduling point, and the runtime classes it calls.
 */
final class Hooked {

  private Hooked() {}

  static final String RT = Type.getInternalName(Rt.class);
  static final String RT_CONCURRENT = Type.getInternalName(RtConcurrent.class);
  // Rt methods that live in RtConcurrent (executors, futures, latches, semaphores)
  static final Set<String> CONCURRENT_OPS =
      Set.of(
          "newFixedThreadPool",
          "newSingleThreadExecutor",
          "newCachedThreadPool",
          "futureGet",
          "futureJoin",
          "latchAwait",
          "semAcquire",
          "semAcquireUninterruptibly",
          "semTryAcquire",
          "asyncPool");
  static final String JDK_BARRIERS = Type.getInternalName(JdkBarriers.class);
  // name+desc of a Phaser method that waits -> JdkBarriers method
  static final Map<String, String> PHASER_OPS =
      Map.of(
          "arriveAndAwaitAdvance()I", "arriveAndAwaitAdvance",
          "awaitAdvance(I)I", "awaitAdvance",
          "awaitAdvanceInterruptibly(I)I", "awaitAdvanceInterruptibly",
          "awaitAdvanceInterruptibly(IJLjava/util/concurrent/TimeUnit;)I",
              "awaitAdvanceInterruptibly");
  static final String PHASER = "java/util/concurrent/Phaser";
  static final String STR = "Ljava/lang/String;";
  static final String SYNC_PREFIX = "golden$sync$";

  static final Set<String> LOCKS =
      Set.of(
          "java/util/concurrent/locks/Lock",
          "java/util/concurrent/locks/ReentrantLock",
          "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock",
          "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");
  static final Set<String> CONDITIONS =
      Set.of(
          "java/util/concurrent/locks/Condition",
          "java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject");
  static final Set<String> FUTURES =
      Set.of(
          "java/util/concurrent/Future",
          "java/util/concurrent/FutureTask",
          "java/util/concurrent/CompletableFuture",
          "java/util/concurrent/RunnableFuture");

  // Collections a test may share: a call on one is a point (the call itself is one atomic step).
  static final Set<String> COLLECTIONS =
      Set.of(
          "java/util/Map",
          "java/util/List",
          "java/util/Set",
          "java/util/Collection",
          "java/util/Queue",
          "java/util/Deque",
          "java/util/Iterator",
          "java/util/HashMap",
          "java/util/LinkedHashMap",
          "java/util/TreeMap",
          "java/util/ArrayList",
          "java/util/LinkedList",
          "java/util/HashSet",
          "java/util/ArrayDeque");

  // name+desc of a Lock method -> Rt method
  static final Map<String, String> LOCK_OPS =
      Map.of(
          "lock()V", "lock",
          "lockInterruptibly()V", "lockInterruptibly",
          "tryLock()Z", "tryLock",
          "tryLock(JLjava/util/concurrent/TimeUnit;)Z", "tryLock",
          "unlock()V", "unlock",
          "newCondition()Ljava/util/concurrent/locks/Condition;", "newCondition");
  static final Map<String, String> CONDITION_OPS =
      Map.of(
          "await()V", "await",
          "awaitUninterruptibly()V", "awaitUninterruptibly",
          "await(JLjava/util/concurrent/TimeUnit;)Z", "await",
          "awaitNanos(J)J", "awaitNanos",
          "signal()V", "signal",
          "signalAll()V", "signalAll");

  static final String EXECUTOR = "Ljava/util/concurrent/Executor;";

  // name+desc of a blocking Semaphore method -> Rt method (release and tryAcquire() never block:
  // they are plain points)
  static final Map<String, String> SEMAPHORE_OPS =
      Map.of(
          "acquire()V", "semAcquire",
          "acquire(I)V", "semAcquire",
          "acquireUninterruptibly()V", "semAcquireUninterruptibly",
          "acquireUninterruptibly(I)V", "semAcquireUninterruptibly",
          "tryAcquire(JLjava/util/concurrent/TimeUnit;)Z", "semTryAcquire",
          "tryAcquire(IJLjava/util/concurrent/TimeUnit;)Z", "semTryAcquire");
}
