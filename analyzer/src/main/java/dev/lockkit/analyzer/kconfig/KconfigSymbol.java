package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Expr;
import java.util.List;
import java.util.Optional;

/**
 * One {@code config}/{@code menuconfig} entry after parsing.
 *
 * <p>Expressions here are the presence projection of Kconfig's tristate expressions: "the value is
 * {@code m} or {@code y}". For a tristate symbol {@code S} they may mention the hidden variable
 * {@code ~S=y} ("S is y"), e.g. {@code !S} is {@code !~S=y}.
 *
 * @param name the symbol, without {@code CONFIG_}
 * @param type its type
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
    Type type,
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

  /** A symbol's type; {@link #UNDEFINED} for a symbol read but defined in no loaded file. */
  public enum Type {
    BOOL,
    TRISTATE,
    INT,
    HEX,
    STRING,
    /** Referenced, not defined in the loaded files: a free variable (y or n). */
    UNDEFINED;

    /** Whether the gating model has a variable for it (bool, tristate and free symbols do). */
    public boolean modelled() {
      return this == BOOL || this == TRISTATE || this == UNDEFINED;
    }
  }

  /** {@code default value if condition}. */
  public record Default(Expr value, Expr condition, Location location) {}

  /** {@code select target if condition} (or {@code imply}). */
  public record Select(String target, Expr condition, Location location) {}
}
