package dev.lockkit.refactor.move.plan;

import java.util.List;

/**
 * An element as the plan names it: a type ({@code pkg.Type}, {@code pkg.Outer.Inner}) when {@code
 * member} is null, else a member {@code pkg.Type#member}, with a parameter list when the plan gave
 * one ({@code params} null means "not given", an empty list means "no parameters").
 */
public record ElementRef(String type, String member, List<String> params) {

  public ElementRef {
    params = params == null ? null : List.copyOf(params);
  }

  public boolean isMember() {
    return member != null;
  }

  @Override
  public String toString() {
    if (member == null) {
      return type;
    }
    return type + "#" + member + (params == null ? "" : "(" + String.join(", ", params) + ")");
  }
}
