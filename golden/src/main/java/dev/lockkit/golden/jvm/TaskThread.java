package dev.lockkit.golden.jvm;

/**
 * The thread of one task of one schedule. Instrumented code finds its scheduler through it (the
 * scheduler travels with the thread, never through a static global), so two explorations in one JVM
 * never see each other's tasks.
 */
final class TaskThread extends Thread {

  final JvmScheduler scheduler;
  final Task task;

  TaskThread(JvmScheduler scheduler, Task task, String name) {
    super(name);
    this.scheduler = scheduler;
    this.task = task;
    setDaemon(true);
  }

  @Override
  public void run() {
    scheduler.taskMain(task);
  }
}
