package com.example.shop.config;

import java.util.EnumSet;
import java.util.Set;

/** The configuration the shop runs with. */
public final class Config {
  private final Set<Option> enabled;

  public Config(Set<Option> enabled) {
    this.enabled = enabled.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(enabled);
  }

  public boolean isEnabled(Option option) {
    return enabled.contains(option);
  }
}
