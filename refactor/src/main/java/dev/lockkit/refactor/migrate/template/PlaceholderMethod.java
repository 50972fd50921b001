package dev.lockkit.refactor.migrate.template;

import java.util.List;

/**
 * A Refaster {@code @Placeholder} method of a rule: an abstract method that a before template calls
 * (inside a lambda, on the lambda's parameters) to stand for any expression that uses those
 * arguments in that way, as Error Prone's {@code PlaceholderMethod} does.
 *
 * <p>The call {@code f(v)} matches an expression whose type fits {@code returnType} and that uses
 * the template's local variables only through the code the arguments match ({@code v}, or {@code
 * e.getKey()} for an argument {@code e.getKey()}); an argument without {@code @MayOptionallyUse}
 * must be used; with {@code allowsIdentity} false the expression may not be just an argument. The
 * after template's call of the same method is replaced by the matched expression.
 *
 * @param declaration the abstract method in the template file (its name locates javac's answer)
 * @param mayOptionallyUse per parameter, whether it is annotated {@code @MayOptionallyUse}
 */
public record PlaceholderMethod(
    String name,
    com.github.javaparser.ast.body.MethodDeclaration declaration,
    Template.Type returnType,
    List<Boolean> mayOptionallyUse,
    boolean allowsIdentity,
    int line) {

  public PlaceholderMethod {
    mayOptionallyUse = List.copyOf(mayOptionallyUse);
  }

  /** The key its binding is stored under (not a Java name, so no parameter can clash with it). */
  public String bindingKey() {
    return name + "()";
  }
}
