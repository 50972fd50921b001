package com.example.shop.api;

import com.example.shop.billing.Billing;
import com.example.shop.config.Config;
import com.example.shop.config.Option;
import com.example.shop.store.DiskStore;
import com.example.shop.store.MemoryStore;
import com.example.shop.store.Store;
import java.util.ArrayList;
import java.util.List;

/** The shop's entry point. */
public final class ShopApi {
  private final Config config;
  private final Billing billing;
  private final List<String> audit = new ArrayList<>();
  private int orders;

  public ShopApi(Config config) {
    this.config = config;
    Store store;
    if (config.isEnabled(Option.DISK_STORE)) {
      store = DiskStore.open(config.isEnabled(Option.CACHE) ? "orders+cache" : "orders");
    } else {
      store = new MemoryStore();
    }
    this.billing = new Billing(store);
  }

  public long order(String id, long cents) {
    billing.bill(id, cents);
    if (config.isEnabled(Option.AUDIT)) {
      audit.add(id);
    }
    if (config.isEnabled(Option.METRICS)) {
      orders++;
    }
    return billing.total();
  }
}
