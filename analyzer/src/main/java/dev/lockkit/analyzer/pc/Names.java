package dev.lockkit.analyzer.pc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Spelling help for unknown symbols: the nearest known names by edit distance. */
public final class Names {
  private Names() {}

  /**
   * Up to {@code max} names from {@code known} closest to {@code name} (Levenshtein distance,
   * case-insensitive, after dropping a {@code CONFIG_} prefix), nearest first, ties by name; only
   * names within a third of the length (at least 2 edits) are offered.
   */
  public static List<String> nearest(String name, Collection<String> known, int max) {
    String target = strip(name);
    int limit = Math.max(2, target.length() / 3);
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String k : known) {
      int d = distance(target, k.toUpperCase(Locale.ROOT));
      if (d <= limit) {
        scored.add(new Scored(k, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    return scored.stream().limit(max).map(Scored::name).toList();
  }

  /** " (did you mean A, B?)" or the empty string. */
  public static String didYouMean(String name, Collection<String> known) {
    List<String> near = nearest(name, known, 3);
    return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
  }

  private static String strip(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("CONFIG_") ? upper.substring(7) : upper;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
