package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Expr;
import java.util.List;
import java.util.Optional;

/**
 * One {@code config}/{@code menuconfig} entry after parsing.
 *
 * @param name the symbol, without {@code CONFIG_}
 * @param location the {@code config} line
 * @param prompt the prompt text, if the symbol is user-visible
 * @param promptCondition the prompt's {@code if} condition (true when absent)
 * @param dependencies every {@code depends on} of the entry, conjoined with the enclosing {@code
 *     if} blocks and {@code menu ... depends on}
 * @param defaults {@code default}/{@code def_bool} values in file order (the first whose condition
 *     holds wins)
 * @param selects the symbols this entry {@code select}s
 * @param implies the symbols this entry {@code imply}s
 * @param help the help text, or empty
 */
public record KconfigSymbol(
    String name,
    Location location,
    Optional<String> prompt,
    Expr promptCondition,
    Expr dependencies,
    List<Default> defaults,
    List<Select> selects,
    List<Select> implies,
    String help) {

  public KconfigSymbol {
    defaults = List.copyOf(defaults);
    selects = List.copyOf(selects);
    implies = List.copyOf(implies);
  }

  /** {@code default value if condition}. */
  public record Default(Expr value, Expr condition, Location location) {}

  /** {@code select target if condition} (or {@code imply}). */
  public record Select(String target, Expr condition, Location location) {}
}
