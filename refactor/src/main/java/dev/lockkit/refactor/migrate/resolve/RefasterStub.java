package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.declarations.JavaParserClassDeclaration;
import com.github.javaparser.symbolsolver.resolution.typesolvers.MemoryTypeSolver;

/**
 * The static methods of Error Prone's {@code com.google.errorprone.refaster.Refaster}, declared for
 * the symbol solver when no jar on the class path has them (the class is in {@code
 * error_prone_core}, which a template file's class path rarely has). With it, a template that nests
 * {@code Refaster.anyOf(...)} inside a call or uses it as a receiver types: {@code anyOf} returns
 * its alternatives' type. The matcher gives these calls their Refaster meaning; the signatures are
 * Error Prone's.
 */
final class RefasterStub {

  static final String NAME = "com.google.errorprone.refaster.Refaster";

  static final String SOURCE =
      """
      package com.google.errorprone.refaster;
      public class Refaster {
        @SafeVarargs public static <T> T anyOf(T... expressions) { return null; }
        public static <T> T[] asVarargs(T arg) { return null; }
        public static <T> boolean isInstance(Object o) { return false; }
        public static <T> T[] newArray(int size) { return null; }
        public static <T> Class<T> clazz() { return null; }
        public static <E extends Enum<E>> E enumValueOf(String string) { return null; }
        public static <T> T emitCommentBefore(String literal, T expression) { return null; }
        public static void emitComment(String literal) {}
      }
      """;

  private RefasterStub() {}

  /**
   * A type solver that knows only the stub; its members resolve their types through {@code root}.
   */
  static TypeSolver solver(TypeSolver root) {
    CompilationUnit cu = new JavaParser().parse(SOURCE).getResult().orElseThrow();
    ClassOrInterfaceDeclaration c = cu.getClassByName("Refaster").orElseThrow();
    MemoryTypeSolver memory = new MemoryTypeSolver();
    memory.addDeclaration(NAME, new JavaParserClassDeclaration(c, root));
    return memory;
  }
}
