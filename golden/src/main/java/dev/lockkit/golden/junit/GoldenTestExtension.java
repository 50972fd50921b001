package dev.lockkit.golden.junit;

import dev.lockkit.golden.jvm.InstrumentingLoader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test method on a copy of its class loaded through golden's {@link InstrumentingLoader}
 * (see {@link Instrumented}). JUnit's own invocation is skipped; the copy's method gets the same
 * arguments (a {@code Variant} is golden's own class, shared by both loaders).
 */
public final class GoldenTestExtension implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call,
      ExtensionContext context)
      throws Throwable {
    invocation.skip();
    runInstrumented(call.getExecutable(), call.getArguments(), context);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call,
      ExtensionContext context)
      throws Throwable {
    invocation.skip();
    runInstrumented(call.getExecutable(), call.getArguments(), context);
  }

  private static void runInstrumented(Method method, List<Object> args, ExtensionContext context)
      throws Throwable {
    Class<?> testClass = context.getRequiredTestClass();
    List<String> packages = packages(method, testClass);
    InstrumentingLoader loader = new InstrumentingLoader(testClass.getClassLoader(), packages);
    Class<?> copy = loader.loadClass(testClass.getName());
    if (copy.getClassLoader() != loader) {
      throw new ExtensionConfigurationException(
          testClass.getName() + " is not in an instrumented package " + packages);
    }
    Class<?>[] params = method.getParameterTypes();
    Class<?>[] copyParams = new Class<?>[params.length];
    for (int i = 0; i < params.length; i++) {
      copyParams[i] =
          params[i].isPrimitive() ? params[i] : Class.forName(params[i].getName(), false, loader);
    }
    Method m = copy.getDeclaredMethod(method.getName(), copyParams);
    m.setAccessible(true);
    Object instance = null;
    if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
      Constructor<?> ctor = copy.getDeclaredConstructor();
      ctor.setAccessible(true);
      instance = ctor.newInstance();
    }
    List<Outcome> outcomes =
        new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(method, Outcome.class));
    GoldenContext.set(new GoldenContext(testClass, method, List.copyOf(outcomes), loader));
    try {
      m.invoke(instance, args.toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      GoldenContext.set(null);
    }
  }

  private static List<String> packages(Method method, Class<?> testClass) {
    Instrumented on =
        AnnotationSupport.findAnnotation(method, Instrumented.class)
            .or(() -> AnnotationSupport.findAnnotation(testClass, Instrumented.class))
            .orElse(null);
    // The test class itself is always loaded instrumented: its lambdas are the actors.
    java.util.Set<String> all = new java.util.TreeSet<>();
    all.add(testClass.getPackageName());
    if (on != null) {
      all.addAll(Arrays.asList(on.packages()));
    }
    return List.copyOf(all);
  }
}
