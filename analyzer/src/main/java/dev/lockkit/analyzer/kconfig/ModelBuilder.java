package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.kconfig.TristateEncoder.Tri;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the entries the parser read into the feature model: resolves each word to a symbol and its
 * type, merges the definitions of a symbol, and writes one constraint per symbol and per choice
 * with Kconfig's evaluation rules in tristate logic ({@link TristateEncoder}).
 *
 * <p>Writing {@code dep} for a symbol's dependencies (the disjunction over its definitions, each
 * with its enclosing {@code if}s, menus and choice), {@code vis} for the disjunction over its
 * prompts of {@code dep && prompt's if && enclosing visible if}, {@code rev} for the maximum of
 * {@code T && cond} over every {@code select S if cond} in an entry {@code T}, {@code fb} for its
 * fallback value — the first {@code default} whose condition (and its definition's {@code dep}) is
 * not {@code n}, joined with {@code imply}s as {@code def || (weak && dep)} — the value is:
 *
 * <ul>
 *   <li>when {@code vis} is {@code n}: exactly {@code fb || rev};
 *   <li>otherwise the user's choice, at least {@code rev} and at most {@code vis || rev}.
 * </ul>
 *
 * A bool rounds {@code m} up to {@code y} (as Kconfig does), so only presence counts for it. A
 * tristate can be {@code m} only when the modules symbol is {@code y}. A choice whose dependencies
 * hold has exactly one {@code y} member among those whose dependencies hold (at most one if {@code
 * optional}); its members are {@code n} otherwise. {@code select} of a choice member is ignored.
 */
final class ModelBuilder {
  private final KconfigParser p;
  private final List<Finding> diagnostics = new ArrayList<>();

  ModelBuilder(KconfigParser parser) {
    this.p = parser;
    diagnostics.addAll(parser.diagnostics);
  }

  FeatureModel build(Location top) throws KconfigException {
    Map<String, KconfigSymbol.Type> types = new HashMap<>();
    SortedMap<String, Location> valueSymbols = new TreeMap<>();
    for (Map.Entry<String, List<Entries.Config>> e : p.configs.entrySet()) {
      KconfigSymbol.Type t = null;
      for (Entries.Config c : e.getValue()) {
        if (t == null) {
          t = c.type;
        }
      }
      Entries.Config first = e.getValue().get(0);
      if (t == null) {
        throw new KconfigException(
            first.location,
            "symbol "
                + e.getKey()
                + " has no type (expected bool, tristate, int, hex, string, def_bool or"
                + " def_tristate)");
      }
      types.put(e.getKey(), t);
      if (!t.modelled()) {
        valueSymbols.put(e.getKey(), first.location);
      }
    }
    SortedMap<String, Location> free = resolveWords(types);
    free.keySet().forEach(n -> types.put(n, KconfigSymbol.Type.UNDEFINED));

    TristateEncoder enc =
        new TristateEncoder(types, p.options.freeUndefined(), p.modulesSymbol, p.macros.unknowns());
    Map<String, Entries.Config> choiceMembers = new HashMap<>();
    for (Entries.Choice ch : p.choices) {
      ch.members.forEach(m -> choiceMembers.put(m.name, m));
    }

    // Each definition's dependencies, then each symbol's merged dep and prompt visibility.
    Map<Entries.Config, Tri> defDep = new LinkedHashMap<>();
    for (List<Entries.Config> defs : p.configs.values()) {
      for (Entries.Config c : defs) {
        List<KExpr> all = new ArrayList<>();
        all.add(c.context);
        c.dependencies.forEach(s -> all.add(s.expr()));
        defDep.put(c, enc.encode(KExpr.and(all), c.location));
      }
    }
    SortedMap<String, KconfigSymbol> symbols = new TreeMap<>();
    Map<String, Tri> deps = new HashMap<>();
    Map<String, Tri> vis = new HashMap<>();
    Map<String, Tri> fallbacks = new HashMap<>();
    Map<String, List<KconfigSymbol.Default>> projectedDefaults = new HashMap<>();
    for (Map.Entry<String, List<Entries.Config>> e : p.configs.entrySet()) {
      String name = e.getKey();
      if (!types.get(name).modelled()) {
        continue;
      }
      List<Tri> depParts = new ArrayList<>();
      List<Tri> visParts = new ArrayList<>();
      Tri def = Tri.N;
      List<Tri[]> chain = new ArrayList<>();
      List<KconfigSymbol.Default> shown = new ArrayList<>();
      for (Entries.Config c : e.getValue()) {
        Tri d = defDep.get(c);
        depParts.add(d);
        if (c.prompt != null) {
          Tri pc = enc.encode(c.promptCondition.expr(), c.promptCondition.location());
          Tri vc = enc.encode(c.visibleContext, c.location);
          visParts.add(Tri.and(List.of(d, pc, vc)));
        }
        for (Entries.Default df : c.defaults) {
          Tri cond = Tri.and(List.of(enc.encode(df.condition(), df.location()), d));
          Tri value = Tri.and(List.of(enc.encode(df.value(), df.location()), cond));
          chain.add(new Tri[] {cond, value});
          shown.add(new KconfigSymbol.Default(value.ge(), cond.ge(), df.location()));
        }
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        def = Tri.ite(chain.get(i)[0].ge(), chain.get(i)[1], def);
      }
      Tri dep = Tri.or(depParts);
      deps.put(name, dep);
      vis.put(name, Tri.or(visParts));
      fallbacks.put(name, def);
      projectedDefaults.put(name, shown);
    }

    // select and imply edges, by target.
    Map<String, List<SelectEdge>> reverse = new TreeMap<>();
    Map<String, List<SelectEdge>> weak = new TreeMap<>();
    Map<String, List<Tri>> revTri = new HashMap<>();
    Map<String, List<Tri>> weakTri = new HashMap<>();
    List<Object[]> pendingEdges = new ArrayList<>();
    for (Map.Entry<String, List<Entries.Config>> e : p.configs.entrySet()) {
      String from = e.getKey();
      if (!types.get(from).modelled()) {
        continue;
      }
      Tri self = TristateEncoder.ofSymbol(from, types.get(from));
      for (Entries.Config c : e.getValue()) {
        for (boolean isSelect : new boolean[] {true, false}) {
          for (Entries.Select s : isSelect ? c.selects : c.implies) {
            if (!types.containsKey(s.target()) || !types.get(s.target()).modelled()) {
              continue; // selecting a value symbol or an unknown one changes nothing modelled
            }
            Tri cond = enc.encode(s.condition(), s.location());
            Tri contribution = Tri.and(List.of(self, cond));
            (isSelect ? revTri : weakTri)
                .computeIfAbsent(s.target(), k -> new ArrayList<>())
                .add(contribution);
            pendingEdges.add(new Object[] {from, s, cond.ge(), isSelect});
          }
        }
      }
    }

    // The public symbols (projections for readers of the model).
    for (Map.Entry<String, List<Entries.Config>> e : p.configs.entrySet()) {
      String name = e.getKey();
      if (!types.get(name).modelled()) {
        continue;
      }
      Entries.Config first = e.getValue().get(0);
      Entries.Config prompted =
          e.getValue().stream().filter(c -> c.prompt != null).findFirst().orElse(null);
      Expr promptCondition =
          prompted == null
              ? Expr.TRUE
              : enc.encode(prompted.promptCondition.expr(), prompted.location).ge();
      StringBuilder help = new StringBuilder();
      e.getValue().stream()
          .filter(c -> !c.help.isEmpty())
          .findFirst()
          .ifPresent(c -> help.append(c.help));
      symbols.put(
          name,
          new KconfigSymbol(
              name,
              types.get(name),
              first.location,
              Optional.ofNullable(prompted == null ? null : prompted.prompt),
              promptCondition,
              deps.get(name).ge(),
              projectedDefaults.get(name),
              List.of(),
              List.of(),
              help.toString()));
    }
    for (Map.Entry<String, Location> f : free.entrySet()) {
      symbols.put(
          f.getKey(),
          new KconfigSymbol(
              f.getKey(),
              KconfigSymbol.Type.UNDEFINED,
              f.getValue(),
              Optional.empty(),
              Expr.TRUE,
              Expr.TRUE,
              List.of(),
              List.of(),
              List.of(),
              ""));
    }
    List<KconfigSymbol.Select> noSelects = List.of();
    Map<String, List<KconfigSymbol.Select>> selectsOf = new HashMap<>();
    Map<String, List<KconfigSymbol.Select>> impliesOf = new HashMap<>();
    for (Object[] pe : pendingEdges) {
      Entries.Select s = (Entries.Select) pe[1];
      KconfigSymbol.Select sel = new KconfigSymbol.Select(s.target(), (Expr) pe[2], s.location());
      ((Boolean) pe[3] ? selectsOf : impliesOf)
          .computeIfAbsent((String) pe[0], k -> new ArrayList<>())
          .add(sel);
    }
    for (String name : new ArrayList<>(symbols.keySet())) {
      KconfigSymbol s = symbols.get(name);
      List<KconfigSymbol.Select> sels = selectsOf.getOrDefault(name, noSelects);
      List<KconfigSymbol.Select> imps = impliesOf.getOrDefault(name, noSelects);
      if (!sels.isEmpty() || !imps.isEmpty()) {
        s =
            new KconfigSymbol(
                s.name(),
                s.type(),
                s.location(),
                s.prompt(),
                s.promptCondition(),
                s.dependencies(),
                s.defaults(),
                sels,
                imps,
                s.help());
        symbols.put(name, s);
      }
      for (KconfigSymbol.Select sel : s.selects()) {
        reverse.computeIfAbsent(sel.target(), k -> new ArrayList<>()).add(new SelectEdge(s, sel));
      }
      for (KconfigSymbol.Select imp : s.implies()) {
        weak.computeIfAbsent(imp.target(), k -> new ArrayList<>()).add(new SelectEdge(s, imp));
      }
    }
    DependencyGraph graph = new DependencyGraph(symbols, reverse, weak);
    graph.checkAcyclic();

    // Constraints.
    List<Expr> constraints = new ArrayList<>();
    SortedSet<String> hiddenVars = new TreeSet<>();
    for (KconfigSymbol s : symbols.values()) {
      String name = s.name();
      if (s.type() == KconfigSymbol.Type.UNDEFINED || choiceMembers.containsKey(name)) {
        continue;
      }
      Tri rev = Tri.or(revTri.getOrDefault(name, List.of()));
      Tri weakRev = Tri.or(weakTri.getOrDefault(name, List.of()));
      Tri dep = deps.get(name);
      Tri fb = Tri.or(List.of(fallbacks.get(name), Tri.and(List.of(weakRev, dep))));
      Expr visible = vis.get(name).ge();
      if (s.type() == KconfigSymbol.Type.BOOL) {
        Expr self = Expr.sym(name);
        constraints.add(Expr.implies(rev.ge(), self));
        constraints.add(Expr.or(visible, Expr.iff(self, Expr.or(fb.ge(), rev.ge()))));
      } else {
        Expr ge = Expr.sym(name);
        Expr y = Expr.sym(TristateEncoder.yVariable(name));
        hiddenVars.add(TristateEncoder.yVariable(name));
        constraints.add(Expr.implies(y, ge));
        constraints.add(
            Expr.implies(
                Expr.and(ge, Expr.not(y)),
                p.modulesSymbol == null ? Expr.FALSE : Expr.sym(p.modulesSymbol)));
        constraints.add(Expr.implies(rev.ge(), ge));
        constraints.add(Expr.implies(rev.y(), y));
        constraints.add(
            Expr.implies(visible, Expr.implies(y, Expr.or(vis.get(name).y(), rev.y()))));
        constraints.add(
            Expr.or(
                visible,
                Expr.and(
                    Expr.iff(ge, Expr.or(fb.ge(), rev.ge())),
                    Expr.iff(y, Expr.or(fb.y(), rev.y())))));
      }
    }
    for (Entries.Choice ch : p.choices) {
      constraints.addAll(choiceConstraints(ch, enc, deps));
    }
    hiddenVars.addAll(enc.hiddenFree().keySet());
    notes(valueSymbols, free, enc, top);
    return FeatureModel.build(symbols, reverse, graph, constraints, hiddenVars, diagnostics, top);
  }

  private List<Expr> choiceConstraints(
      Entries.Choice ch, TristateEncoder enc, Map<String, Tri> deps) throws KconfigException {
    List<KExpr> all = new ArrayList<>();
    all.add(ch.context);
    ch.dependencies.forEach(s -> all.add(s.expr()));
    Expr active = enc.encode(KExpr.and(all), ch.location).ge();
    List<Expr> out = new ArrayList<>();
    List<Expr> members = new ArrayList<>();
    List<Expr> possible = new ArrayList<>();
    for (Entries.Config m : ch.members) {
      Expr self = Expr.sym(m.name);
      Expr dep = deps.get(m.name).ge();
      out.add(Expr.implies(self, Expr.and(active, dep)));
      members.add(self);
      possible.add(dep);
    }
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        out.add(Expr.or(Expr.not(members.get(i)), Expr.not(members.get(j))));
      }
    }
    if (!ch.optional) {
      out.add(Expr.implies(Expr.and(active, Expr.or(possible)), Expr.or(members)));
    }
    return out;
  }

  /**
   * Every word used as a symbol must be defined; with {@code freeUndefined}, the undefined ones
   * become free variables instead, and are returned with their first use. Inside a comparison an
   * undefined word is the constant of its own name ({@code NR_CPUS > 1}), as in Kconfig, unless it
   * is free and looks like a symbol (upper case).
   */
  private SortedMap<String, Location> resolveWords(Map<String, KconfigSymbol.Type> types)
      throws KconfigException {
    SortedMap<String, Location> free = new TreeMap<>();
    for (Entries.Site site : p.sites) {
      List<KExpr.Word> plain = new ArrayList<>();
      List<KExpr.Word> compared = new ArrayList<>();
      collect(site.expr(), plain, compared);
      for (KExpr.Word w : plain) {
        if (types.containsKey(w.name()) || TristateEncoder.isNumber(w.name())) {
          continue;
        }
        if (!p.options.freeUndefined()) {
          throw new KconfigException(
              site.location(),
              "unknown symbol " + w.name() + Names.didYouMean(w.name(), types.keySet()));
        }
        free.putIfAbsent(w.name(), site.location());
      }
      if (p.options.freeUndefined()) {
        for (KExpr.Word w : compared) {
          if (!types.containsKey(w.name()) && w.name().matches("[A-Z0-9_]*[A-Z][A-Z0-9_]*")) {
            free.putIfAbsent(w.name(), site.location());
          }
        }
      }
    }
    return free;
  }

  private static void collect(KExpr e, List<KExpr.Word> plain, List<KExpr.Word> compared) {
    if (e instanceof KExpr.Word w) {
      plain.add(w);
    } else if (e instanceof KExpr.Cmp c) {
      List<KExpr.Word> both = new ArrayList<>();
      c.left().words(both);
      c.right().words(both);
      compared.addAll(both);
    } else if (e instanceof KExpr.Not n) {
      collect(n.operand(), plain, compared);
    } else if (e instanceof KExpr.And a) {
      a.operands().forEach(o -> collect(o, plain, compared));
    } else if (e instanceof KExpr.Or o) {
      o.operands().forEach(x -> collect(x, plain, compared));
    }
  }

  private void notes(
      SortedMap<String, Location> valueSymbols,
      SortedMap<String, Location> free,
      TristateEncoder enc,
      Location top) {
    long comparisons =
        enc.hiddenFree().keySet().stream()
            .filter(n -> n.startsWith(TristateEncoder.HIDDEN + "("))
            .count();
    if (!valueSymbols.isEmpty() || comparisons > 0) {
      Location at = valueSymbols.isEmpty() ? top : valueSymbols.values().iterator().next();
      diagnostics.add(
          Finding.of(
              "kconfig/values-ignored",
              Severity.INFO,
              at,
              valueSymbols.size()
                  + " int/hex/string symbol(s) and "
                  + comparisons
                  + " comparison(s) of values: values are not modelled for gating; each such"
                  + " comparison is a free condition (both outcomes possible)",
              "values"));
    }
    List<Macros.UnknownCall> unknowns = p.macros.unknowns();
    if (!unknowns.isEmpty()) {
      diagnostics.add(
          Finding.of(
              "kconfig/unknown-macro",
              Severity.INFO,
              unknowns.get(0).location(),
              unknowns.size()
                  + " macro call(s) need a toolchain or are defined in no loaded file (first: "
                  + unknowns.get(0).call()
                  + "); lockkit runs nothing: each result is a free condition",
              "unknown macros"));
    }
    if (!free.isEmpty()) {
      List<String> names = new ArrayList<>(free.keySet());
      String shown =
          String.join(", ", names.subList(0, Math.min(20, names.size())))
              + (names.size() > 20 ? ", ..." : "");
      diagnostics.add(
          Finding.of(
              "kconfig/undefined-symbol",
              Severity.INFO,
              free.values().iterator().next(),
              names.size()
                  + " symbol(s) are used but defined in no loaded file, each a free variable (y or"
                  + " n): "
                  + shown,
              "undefined symbols"));
    }
  }
}
