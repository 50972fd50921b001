package com.example.shop.config;

/** The options of the shop's Kconfig. */
public enum Option {
  DISK_STORE,
  CACHE,
  AUDIT,
  METRICS
}
