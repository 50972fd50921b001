package dev.lockkit.golden.junit;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.matrix.VariantSource;
import dev.lockkit.golden.scenario.Selector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The invocation-context provider behind {@link VariantMatrixTest}: one invocation per variant. */
public final class VariantMatrixExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> AnnotationSupport.isAnnotated(m, VariantMatrixTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    VariantMatrixTest spec =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), VariantMatrixTest.class)
            .orElseThrow();
    List<Variant> variants = variants(spec);
    if (variants.isEmpty()) {
      throw new ExtensionConfigurationException(
          "no valid variant satisfies config selector '" + spec.config() + "'");
    }
    int n = variants.size();
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> invocation(variants.get(i), i + 1, n));
  }

  /** The variants of {@code spec}'s source that satisfy its selector, sorted by id. */
  static List<Variant> variants(VariantMatrixTest spec) {
    VariantSource source;
    try {
      source = spec.source().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException(
          "cannot create variant source " + spec.source().getName() + ": " + e, e);
    }
    Selector selector;
    try {
      selector = Selector.parse(spec.config());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    for (String s : selector.symbols()) {
      if (!source.options().contains(s)) {
        throw new ExtensionConfigurationException(
            "config selector '" + spec.config() + "' names unknown option " + s);
      }
    }
    return source.variants().stream().filter(v -> selector.matches(v.enabled())).toList();
  }

  private static TestTemplateInvocationContext invocation(Variant v, int index, int total) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + index + "/" + total + "] " + v.id();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(
            new ParameterResolver() {
              @Override
              public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                return p.getParameter().getType() == Variant.class;
              }

              @Override
              public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                return v;
              }
            });
      }
    };
  }
}
