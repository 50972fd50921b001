package dev.lockkit.golden.jvm;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * The JDK classes that instrumented code gets a model of when it creates one ({@code new} and
 * constructor references): each model is a public subclass of the JDK class with the same public
 * constructors ({@link JdkQueues}, {@link JdkHandoffs}, {@link JdkBarriers}), so every use of the
 * object, whatever its static type and whoever calls it, reaches the model's blocking methods.
 */
final class Substitutions {

  private static final List<Class<?>> MODELS =
      List.of(
          JdkQueues.ArrayBlockingQueue.class,
          JdkQueues.LinkedBlockingQueue.class,
          JdkQueues.LinkedBlockingDeque.class,
          JdkQueues.PriorityBlockingQueue.class,
          JdkQueues.DelayQueue.class,
          JdkHandoffs.SynchronousQueue.class,
          JdkHandoffs.LinkedTransferQueue.class,
          JdkHandoffs.Exchanger.class,
          JdkBarriers.CyclicBarrier.class);

  // JDK internal name -> model internal name
  private static final Map<String, String> MODEL = new HashMap<>();
  // model internal name + constructor descriptor
  private static final Set<String> CONSTRUCTORS = new HashSet<>();

  static {
    for (Class<?> m : MODELS) {
      String model = Type.getInternalName(m);
      MODEL.put(Type.getInternalName(m.getSuperclass()), model);
      for (Constructor<?> c : m.getConstructors()) {
        if (Modifier.isPublic(c.getModifiers())) {
          CONSTRUCTORS.add(model + Type.getConstructorDescriptor(c));
        }
      }
    }
  }

  private Substitutions() {}

  /** The model of the JDK class {@code internal}, or null. */
  static String model(String internal) {
    return MODEL.get(internal);
  }

  /**
   * The model of {@code internal} whose constructor {@code desc} exists, or null: a constructor a
   * newer JDK adds keeps the JDK class (its blocking is then reported as a hang, never a pass).
   */
  static String model(String internal, String desc) {
    String m = MODEL.get(internal);
    return m != null && CONSTRUCTORS.contains(m + desc) ? m : null;
  }
}
