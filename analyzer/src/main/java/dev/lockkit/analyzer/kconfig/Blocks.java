package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The open blocks, innermost first; their conditions apply to every entry inside. */
final class Blocks {
  record Block(
      String keyword,
      KExpr dependency,
      KExpr visibleIf,
      Location location,
      Entries.Choice choice) {}

  private final Deque<Block> stack = new ArrayDeque<>();

  int depth() {
    return stack.size();
  }

  void push(Block b) {
    stack.push(b);
  }

  Block peek() {
    return stack.peek();
  }

  /** Replaces the innermost block (a menu or choice gaining a dependency or visibility). */
  void replaceTop(Block b) {
    stack.pop();
    stack.push(b);
  }

  void pop(String keyword, Location loc) throws KconfigException {
    Block top = stack.peek();
    if (top == null || !top.keyword().equals(keyword)) {
      throw new KconfigException(
          loc,
          "'end"
              + keyword
              + "' without a matching '"
              + keyword
              + "'"
              + (top == null
                  ? ""
                  : " (innermost open block: '" + top.keyword() + "' at " + top.location() + ")"));
    }
    stack.pop();
  }

  KExpr context() {
    List<KExpr> conds = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(b -> conds.add(b.dependency()));
    return KExpr.and(conds);
  }

  KExpr visibleContext() {
    List<KExpr> conds = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(b -> conds.add(b.visibleIf()));
    return KExpr.and(conds);
  }

  /** The choice whose members are being defined, if the innermost non-{@code if} is one. */
  Entries.Choice choice() {
    for (Block b : stack) {
      if (b.keyword().equals("choice")) {
        return b.choice();
      }
      if (!b.keyword().equals("if")) {
        return null;
      }
    }
    return null;
  }

  void requireDepth(int depth, String file) throws KconfigException {
    if (stack.size() > depth) {
      Block open = stack.peek();
      throw new KconfigException(
          open.location(), "'" + open.keyword() + "' is not closed before the end of " + file);
    }
  }

  void requireClosed() throws KconfigException {
    if (!stack.isEmpty()) {
      Block open = stack.peek();
      throw new KconfigException(
          open.location(),
          "'" + open.keyword() + "' is never closed (missing 'end" + open.keyword() + "')");
    }
  }
}
