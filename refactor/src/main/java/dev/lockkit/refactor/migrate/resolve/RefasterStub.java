package dev.lockkit.refactor.migrate.resolve;

/**
 * The static methods of Error Prone's {@code com.google.errorprone.refaster.Refaster}, written as a
 * source file on javac's source path behind the user's entries ({@link OneTask}), for when no jar
 * on the class path has them (the class is in {@code error_prone_core}, which a template file's
 * class path rarely has). With it, a template that nests {@code Refaster.anyOf(...)} inside a call
 * or uses it as a receiver types: {@code anyOf} returns its alternatives' type. The matcher gives
 * these calls their Refaster meaning; the signatures are Error Prone's.
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
}
