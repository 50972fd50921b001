package dev.lockkit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Gives test methods of a {@link LockkitAnalyze} class the project it declares. */
public final class LockkitExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LockkitProject.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LockkitAnalyze spec =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LockkitAnalyze.class)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        context.getRequiredTestClass().getName()
                            + " takes a LockkitProject but is not annotated @LockkitAnalyze"));
    return project(spec);
  }

  static LockkitProject project(LockkitAnalyze spec) {
    LockkitProject p = LockkitProject.sources(spec.sources());
    if (!spec.rules().isEmpty()) {
      p = p.rules(spec.rules());
    }
    if (!spec.kconfig().isEmpty()) {
      p = p.kconfig(spec.kconfig());
    }
    return p;
  }
}
