package com.example.shop.api;

import com.example.shop.billing.Billing;
import com.example.shop.config.Config;
import com.example.shop.config.Option;
import com.example.shop.store.DiskStore;

/** The shop's entry point. */
public final class ShopApi {
  private final Config config;
  private final Billing billing;
  private int orders;

  public ShopApi(Config config) {
    this.config = config;
    // The planted gating bug: DiskStore exists only with DISK_STORE, and nothing checks it here.
    this.billing = new Billing(DiskStore.open(config.isEnabled(Option.CACHE) ? "c" : "orders"));
  }

  public long order(String id, long cents) {
    billing.bill(id, cents);
    if (config.isEnabled(Option.AUDIT) || config.isEnabled(Option.METRICS)) {
      orders++;
    }
    return billing.total();
  }
}
