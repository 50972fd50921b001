package dev.lockkit.refactor.move.model;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.edit.SourceFile;
import java.nio.file.Path;

/**
 * One source file: its snapshot (exact text) and, when it parsed, its syntax tree.
 *
 * @param root the source root it was found under (new files for a package go there)
 * @param display the path shown in reports, relative to the working directory when possible
 * @param cu the tree, or null when the file does not parse
 * @param parseError the parser's first problem when {@code cu} is null
 * @param comments every comment of the file in text order (the parser's collection: comments are
 *     not attributed to the tree's nodes, which nothing here needs and which costs a pass over
 *     every comment); empty when the file does not parse
 */
public record ParsedFile(
    SourceFile source,
    Path root,
    String display,
    CompilationUnit cu,
    String parseError,
    java.util.List<com.github.javaparser.ast.comments.Comment> comments) {

  public boolean parsed() {
    return cu != null;
  }

  public String packageName() {
    return cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
  }

  /** Text offset of a node's first character. */
  public int begin(Node n) {
    return offset(n.getBegin().orElseThrow());
  }

  /** Text offset just past a node's last character. */
  public int end(Node n) {
    return offset(n.getEnd().orElseThrow()) + 1;
  }

  public int offset(Position p) {
    return source.offset(p.line, p.column);
  }

  public String text(Node n) {
    return source.text().substring(begin(n), end(n));
  }

  /**
   * The file's single-type imports as written, simple name to qualified name (the last line wins,
   * as a duplicate import is javac's error anyway). Text, not resolution: what an import line says.
   */
  public java.util.Map<String, String> singleImports() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (com.github.javaparser.ast.ImportDeclaration d : cu.getImports()) {
      if (!d.isStatic() && !d.isAsterisk()) {
        out.put(d.getName().getIdentifier(), d.getNameAsString());
      }
    }
    return out;
  }

  /** {@code display:line} of a node, for messages. */
  public String where(Node n) {
    return display + ":" + n.getBegin().map(p -> p.line).orElse(0);
  }
}
