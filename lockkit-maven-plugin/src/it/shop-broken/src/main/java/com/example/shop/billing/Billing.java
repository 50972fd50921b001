package com.example.shop.billing;

import com.example.shop.store.Store;

/** Bills orders into a store. */
public final class Billing {
  private final Store store;

  public Billing(Store store) {
    this.store = store;
  }

  public void bill(String order, long cents) {
    if (cents < 0) {
      throw new IllegalArgumentException("negative amount for " + order);
    }
    store.put(order, cents);
  }

  public long total() {
    return store.total();
  }
}
