package com.example.shop.store;

import com.example.shop.billing.Billing;
import java.util.LinkedHashMap;
import java.util.Map;

/** Orders in memory. */
public final class MemoryStore implements Store {
  private final Map<String, Long> orders = new LinkedHashMap<>();

  @Override
  public void put(String order, long cents) {
    orders.put(order, cents);
  }

  @Override
  public long total() {
    return orders.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The planted cycle: the store reaches up into billing, which already uses the store. */
  public Billing billing() {
    return new Billing(this);
  }
}
