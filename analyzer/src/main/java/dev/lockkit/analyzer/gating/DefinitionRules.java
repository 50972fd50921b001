package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.CodeModel.Declaration;
import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Definitions under conditions: the Java form of a prototype in a header with definitions under
 * different {@code #ifdef}s.
 *
 * <ul>
 *   <li>A {@code @VariantPoint} type needs an implementation (a project type that extends or
 *       implements it) wherever it is used: {@code gate/missing-definition} when some configuration
 *       has a use (a call of one of its methods or a read of one of its fields, from outside the
 *       type and its implementations; naming the type is not a use) and no implementation;
 *       otherwise, if some configuration has no implementation, {@code gate/declared-not-defined}
 *       (info) — the kernel reviewer's {@code lock_mm_and_find_vma} question for {@code MMU &&
 *       !LOCK_MM_AND_FIND_VMA}, answered: declared, not defined, and not called there either.
 *   <li>{@code gate/duplicate-definition}: two implementations of a variation point present
 *       together, or two declarations with the same signature (the same method twice under
 *       different {@code @IfConfig}s, which javac rejects) present together.
 * </ul>
 */
final class DefinitionRules {
  private DefinitionRules() {}

  static void run(Context ctx, CodeModel code) {
    Map<String, List<Declaration>> bySignature = new TreeMap<>();
    List<Declaration> variantPoints = new ArrayList<>();
    for (Declaration d : code.declarations()) {
      bySignature.computeIfAbsent(d.signature(), k -> new ArrayList<>()).add(d);
      if (d.variantPoint()) {
        variantPoints.add(d);
      }
    }
    // Indexes instead of a scan of every declaration and reference per variation point.
    Map<String, List<Declaration>> implsBySuper = new TreeMap<>();
    for (Declaration d : code.declarations()) {
      if (d.kind() == CodeModel.Kind.TYPE) {
        for (String s : d.supertypes()) {
          implsBySuper.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
        }
      }
    }
    // A static member of a variation point (a constant, a static helper) is defined by the
    // declaration itself: using it needs no implementation. Overloads share a target, so a target
    // counts as static only when every declaration with it is.
    Map<String, Boolean> allStatic = new TreeMap<>();
    for (Declaration d : code.declarations()) {
      if (d.kind() != CodeModel.Kind.TYPE) {
        allStatic.merge(d.target(), d.staticMember(), Boolean::logicalAnd);
      }
    }
    Map<String, List<CodeModel.Reference>> refsByOwner = new TreeMap<>();
    for (CodeModel.Reference r : code.references()) {
      int hash = r.target().indexOf('#');
      if (hash > 0 && !allStatic.getOrDefault(r.target(), false)) {
        refsByOwner.computeIfAbsent(r.target().substring(0, hash), k -> new ArrayList<>()).add(r);
      }
    }
    for (Declaration vp : variantPoints) {
      variantPoint(
          ctx,
          vp,
          implsBySuper.getOrDefault(vp.target(), List.of()),
          refsByOwner.getOrDefault(vp.target(), List.of()));
    }
    for (Map.Entry<String, List<Declaration>> e : bySignature.entrySet()) {
      List<Declaration> ds = e.getValue();
      for (int i = 0; i < ds.size(); i++) {
        for (int j = i + 1; j < ds.size(); j++) {
          duplicate(ctx, e.getKey(), ds.get(i), ds.get(j), e.getKey() + " defined twice");
        }
      }
    }
  }

  private static void variantPoint(
      Context ctx, Declaration vp, List<Declaration> impls, List<CodeModel.Reference> refs) {
    String name = vp.target();
    Expr present = ctx.known(vp.condition());
    Expr defined = Expr.or(impls.stream().map(d -> ctx.known(d.condition())).toList());
    String implList =
        impls.isEmpty()
            ? "it has no implementation at all"
            : "implementations: "
                + String.join(
                    ", ",
                    impls.stream().map(d -> d.target() + " [" + d.condition() + "]").toList());

    Map<String, List<CodeModel.Reference>> usesByElement = new TreeMap<>();
    for (CodeModel.Reference r : refs) {
      // Only calls and field reads need a definition; naming the type (a parameter, a field of
      // that type) is the prototype, which compiles and links without one.
      if (!inside(r.from(), name) && impls.stream().noneMatch(i -> inside(r.from(), i.target()))) {
        usesByElement.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
      }
    }
    boolean missingSomewhere = false;
    for (Map.Entry<String, List<CodeModel.Reference>> e : usesByElement.entrySet()) {
      Expr use = Expr.or(e.getValue().stream().map(r -> ctx.known(r.condition())).toList());
      Expr missing = Expr.and(use, Expr.not(defined));
      Optional<SortedMap<String, Boolean>> w = ctx.witness(missing);
      if (w.isEmpty()) {
        continue;
      }
      missingSomewhere = true;
      CodeModel.Reference first =
          e.getValue().stream()
              .filter(r -> ctx.known(r.condition()).eval(s -> w.get().getOrDefault(s, false)))
              .min((a, b) -> a.location().compareTo(b.location()))
              .orElse(e.getValue().get(0));
      ctx.add(
          Finding.of(
                  "gate/missing-definition",
                  Severity.ERROR,
                  first.location(),
                  "with "
                      + Context.with(w.get(), use, defined)
                      + ", "
                      + e.getKey()
                      + " uses variation point "
                      + name
                      + " but no implementation of it is present ("
                      + implList
                      + ")",
                  e.getKey() + " -> " + name)
              .withWitness(w.get()),
          missing,
          false);
    }
    if (!missingSomewhere) {
      // Where no implementation exists (whether or not the declaration itself does), and no use
      // exists either — otherwise missing-definition above would have fired.
      Expr undefined = Expr.not(defined);
      Optional<SortedMap<String, Boolean>> w = ctx.witness(undefined);
      if (w.isPresent()) {
        boolean declared = present.eval(s -> w.get().getOrDefault(s, false));
        ctx.add(
            Finding.of(
                    "gate/declared-not-defined",
                    Severity.INFO,
                    vp.location(),
                    "with "
                        + Context.with(w.get(), undefined)
                        + ", variation point "
                        + name
                        + (declared
                            ? " is declared but not defined"
                            : " is neither declared (it requires " + present + ") nor defined")
                        + " ("
                        + implList
                        + "), and nothing uses it there: no configuration"
                        + " uses it without an implementation, so this is fine",
                    name)
                .withWitness(w.get()),
            Expr.FALSE,
            false);
      }
    }
    for (int i = 0; i < impls.size(); i++) {
      for (int j = i + 1; j < impls.size(); j++) {
        duplicate(
            ctx,
            name,
            impls.get(i),
            impls.get(j),
            "variation point " + name + " implemented twice");
      }
    }
  }

  private static void duplicate(
      Context ctx, String what, Declaration a, Declaration b, String title) {
    Expr both = Expr.and(ctx.known(a.condition()), ctx.known(b.condition()));
    Optional<SortedMap<String, Boolean>> w = ctx.witness(both);
    if (w.isEmpty()) {
      return;
    }
    Location second = a.location().compareTo(b.location()) <= 0 ? b.location() : a.location();
    ctx.add(
        new Finding(
                "gate/duplicate-definition",
                Severity.ERROR,
                second,
                "with "
                    + Context.with(w.get(), both)
                    + ", "
                    + title
                    + ": "
                    + a.target()
                    + " at "
                    + a.location()
                    + " ["
                    + a.condition()
                    + "] and "
                    + b.target()
                    + " at "
                    + b.location()
                    + " ["
                    + b.condition()
                    + "] are both present",
                what + ": " + a.target() + " + " + b.target(),
                List.of(a.location(), b.location()),
                new TreeMap<>())
            .withWitness(w.get()),
        both,
        a.signature().equals(b.signature()));
  }

  /** Whether element {@code from} is {@code type} itself or lies inside it. */
  private static boolean inside(String from, String type) {
    return from.equals(type) || from.startsWith(type + "#") || from.startsWith(type + ".");
  }
}
