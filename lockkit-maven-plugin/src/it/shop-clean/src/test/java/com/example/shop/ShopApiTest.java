package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.api.ShopApi;
import com.example.shop.config.Config;
import com.example.shop.config.Option;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopApiTest {
  @Test
  void ordersAddUpInEveryStore() {
    for (Set<Option> options : Set.of(Set.<Option>of(), Set.of(Option.DISK_STORE))) {
      ShopApi shop = new ShopApi(new Config(options));
      shop.order("a", 250);
      assertEquals(400, shop.order("b", 150));
    }
  }
}
