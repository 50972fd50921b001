package com.example.shop.store;

/** Where orders are kept. */
public interface Store {
  void put(String order, long cents);

  long total();
}
