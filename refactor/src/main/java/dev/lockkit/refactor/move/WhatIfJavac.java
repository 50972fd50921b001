package dev.lockkit.refactor.move;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.check.CompileCheck;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import dev.lockkit.refactor.move.plan.MoveOp;
import dev.lockkit.refactor.move.rewrite.FileProbe;
import dev.lockkit.refactor.move.rewrite.HostProbe;
import dev.lockkit.refactor.move.rewrite.MoveRewriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The what-if's two javac runs, as {@link MoveEngine} starts them: the attribution of the tree
 * before the move (which files javac attributes, whole or with the bodies that spell no moved name
 * blanked, and the probes written into them), and javac's check of the tree the move leaves. What
 * javac answers is used by the plan's resolution and the rewrite; the verdict on the result is
 * {@link CompileCheck}'s.
 */
final class WhatIfJavac {

  private WhatIfJavac() {}

  /**
   * javac's attribution of the files that may refer to a moved element (those the project parsed up
   * front), with the whole tree on the source path and the request's class path.
   */
  static Attribution attribute(
      Attribution.Session session,
      JavaProject project,
      List<MoveOp> ops,
      Set<String> names,
      List<HostProbe> probes,
      List<FileProbe> fileProbes) {
    Set<Path> whole = new java.util.HashSet<>();
    // What the rewrite may ask a file that gains text (ImportPlan): the destinations' simple names
    // everywhere, and in an existing destination also every name the moved text spells.
    Set<String> destNames = new java.util.TreeSet<>();
    Map<Path, Set<String>> destinationNames = new java.util.HashMap<>();
    Map<TypeInfo, List<MovedType>> hosts = new java.util.LinkedHashMap<>();
    for (MoveOp op : ops) {
      if (op.element().isMember()) {
        TypeInfo origin = project.type(op.element().type());
        destNames.add(op.destination().substring(op.destination().lastIndexOf('.') + 1));
        if (origin != null) {
          whole.add(origin.file().source().path()); // the moved code itself is resolved too
          TypeInfo dest = project.type(op.destination());
          if (dest != null) {
            movedTextNames(
                origin,
                op.element().member(),
                destinationNames.computeIfAbsent(
                    dest.file().source().path(), k -> new java.util.TreeSet<>()));
          }
        }
        continue;
      }
      // Where the moved type's file is (the project's file list): its text whole, so what every
      // name in it means is javac's answer. javac resolves the plan line itself after this task.
      TypeInfo t = project.type(op.element().type());
      if (t == null) {
        continue; // reported, in plan order, when the plan is resolved
      }
      whole.add(t.file().source().path());
      TypeInfo host = project.type(op.destination());
      if (host != null && host.outer() == null && !host.topLevel().equals(t.topLevel())) {
        hosts
            .computeIfAbsent(host, k -> new ArrayList<>())
            .add(
                new MovedType(
                    op, t, host.packageName(), host.file().source().path().toAbsolutePath(), host));
        destNames.add(host.simpleName());
      }
    }
    Map<Path, String> probed = new java.util.HashMap<>();
    for (Map.Entry<TypeInfo, List<MovedType>> h : hosts.entrySet()) {
      HostProbe p = HostProbe.of(h.getKey(), h.getValue());
      if (p != null) {
        probes.add(p);
        probed.put(p.path(), p.text());
        whole.add(p.path());
      }
    }
    List<Attribution.Unit> units = new ArrayList<>();
    int serial = 0;
    for (ParsedFile f : project.files()) {
      if (f.parsed()) {
        Path path = f.source().path();
        String text = probed.getOrDefault(path, f.source().text());
        if (!f.cu().getTypes().isEmpty() && f.cu().getModule().isEmpty()) {
          // Only a file that declares a type may gain text (package-info and module-info do not).
          Set<String> asked = new java.util.TreeSet<>(destNames);
          asked.addAll(destinationNames.getOrDefault(path, Set.of()));
          FileProbe fp = FileProbe.of(path, text, asked, serial++);
          fileProbes.add(fp);
          text = fp.text();
        }
        units.add(new Attribution.Unit(path, text, whole.contains(path) ? null : names));
      }
    }
    return Attribution.withLookups(session, units);
  }

  /**
   * The simple type names that moving {@code member} of {@code origin} may make its destination
   * write: those its declarations (every overload) spell, and the names of the origin and its
   * enclosing types with their annotations (a qualifier for a member that stays, an {@code
   * IfConfig}).
   */
  private static void movedTextNames(TypeInfo origin, String member, Set<String> out) {
    for (com.github.javaparser.ast.body.BodyDeclaration<?> b : origin.decl().getMembers()) {
      boolean named =
          b instanceof com.github.javaparser.ast.body.MethodDeclaration md
                  && md.getNameAsString().equals(member)
              || b instanceof com.github.javaparser.ast.body.FieldDeclaration fd
                  && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(member));
      if (named) {
        FileProbe.namesIn(b, out);
      }
    }
    for (TypeInfo t = origin; t != null; t = t.outer()) {
      out.add(t.simpleName());
      t.decl().getAnnotations().forEach(a -> out.add(a.getName().getIdentifier()));
    }
  }

  /**
   * javac's verdict on the tree as the move leaves it ({@link CompileCheck}): the files that spell
   * a moved name and every file the move edits, creates or deletes.
   */
  static List<Finding> compileCheck(
      Attribution.Session session,
      JavaProject project,
      MoveRewriter.Result r,
      List<MovedElement> elements,
      List<MovedType> types,
      Set<String> names) {
    java.util.SortedMap<Path, String> after;
    try {
      after = r.changes().result();
    } catch (dev.lockkit.refactor.edit.EditException e) {
      return List.of(); // reported when the change is applied
    }
    Map<Path, String> spelling = new java.util.LinkedHashMap<>();
    for (ParsedFile f : project.files()) {
      if (f.parsed()) {
        spelling.put(f.source().path(), f.source().text());
      }
    }
    Set<Path> deleted = new java.util.LinkedHashSet<>();
    for (SourceFile d : r.deletions()) {
      deleted.add(d.path());
    }
    Set<Path> whole = new java.util.HashSet<>();
    for (MovedElement m : elements) {
      // The origin whole too: the moved code's errors before the move (a library missing from the
      // class path) must be counted where it was, or they would all look new where it goes.
      whole.add(m.origin().file().source().path());
      if (!m.destination().isNew()) {
        whole.add(m.destination().existing().file().source().path());
      }
    }
    for (MovedType t : types) {
      if (t.intoType()) {
        whole.add(t.host().file().source().path());
      }
    }
    return CompileCheck.conflicts(
        spelling,
        after,
        deleted,
        whole,
        names,
        !types.isEmpty(),
        session,
        Path.of("").toAbsolutePath());
  }
}
