package dev.lockkit.golden.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class SubstitutionsTest {

  private static final List<Class<?>> MODELLED =
      List.of(
          ArrayBlockingQueue.class,
          LinkedBlockingQueue.class,
          LinkedBlockingDeque.class,
          PriorityBlockingQueue.class,
          DelayQueue.class,
          SynchronousQueue.class,
          LinkedTransferQueue.class,
          Exchanger.class,
          CyclicBarrier.class);

  /** A constructor the running JDK has and a model lacks would fail at link time: none may. */
  @Test
  void everyPublicConstructorOfAModelledJdkClassHasItsModel() {
    TreeSet<String> missing = new TreeSet<>();
    for (Class<?> jdk : MODELLED) {
      String internal = Type.getInternalName(jdk);
      for (Constructor<?> c : jdk.getConstructors()) {
        if (Modifier.isPublic(c.getModifiers())
            && Substitutions.model(internal, Type.getConstructorDescriptor(c)) == null) {
          missing.add(jdk.getSimpleName() + Type.getConstructorDescriptor(c));
        }
      }
    }
    assertEquals(new TreeSet<String>(), missing);
  }

  @Test
  void eachModelIsASubclassWithTheJdkSimpleName() throws Exception {
    for (Class<?> jdk : MODELLED) {
      String model = Substitutions.model(Type.getInternalName(jdk));
      Class<?> m = Class.forName(model.replace('/', '.'));
      assertEquals(jdk, m.getSuperclass());
      assertEquals(jdk.getSimpleName(), m.getSimpleName()); // traces name ArrayBlockingQueue#1
    }
  }

  @Test
  void otherClassesAreNotSubstituted() {
    assertNull(Substitutions.model("java/util/concurrent/Semaphore"));
    assertNull(Substitutions.model("java/util/concurrent/Phaser")); // its waits are call sites
    assertNull(Substitutions.model("java/util/ArrayList"));
  }
}
