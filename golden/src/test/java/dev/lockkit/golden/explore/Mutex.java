package dev.lockkit.golden.explore;

import dev.lockkit.golden.spi.Scheduling;

/** A parking mutex for two tasks (one waiter slot), built only from cells and park/unpark. */
final class Mutex {
  private final String name;
  private final Cell<Thread> owner;
  private final Cell<Thread> waiter;

  Mutex(String name) {
    this.name = name;
    this.owner = new Cell<>(name + ".owner", null);
    this.waiter = new Cell<>(name + ".waiter", null);
  }

  void lock() {
    Thread me = Thread.currentThread();
    while (!owner.cas(null, me)) {
      waiter.set(me);
      if (owner.get() == null) {
        continue; // released between our CAS and registering: retry rather than sleep
      }
      Scheduling.current().park(this);
    }
  }

  void unlock() {
    owner.set(null);
    Thread w = waiter.get();
    if (w != null) {
      waiter.set(null);
      Scheduling.current().unpark(w);
    }
  }

  @Override
  public String toString() {
    return "mutex " + name;
  }
}
