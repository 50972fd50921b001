package dev.lockkit.golden.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

class MethodRefsTest {

  private static final String LMF = "java/lang/invoke/LambdaMetafactory";
  private static final Handle METAFACTORY =
      new Handle(Opcodes.H_INVOKESTATIC, LMF, "metafactory", "()V", false);
  private static final Handle ALT =
      new Handle(Opcodes.H_INVOKESTATIC, LMF, "altMetafactory", "()V", false);
  private static final Handle LOCK =
      new Handle(Opcodes.H_INVOKEINTERFACE, "java/util/concurrent/locks/Lock", "lock", "()V", true);
  private static final Handle GET =
      new Handle(
          Opcodes.H_INVOKEVIRTUAL,
          "java/util/concurrent/atomic/AtomicInteger",
          "get",
          "()I",
          false);

  private static Object[] lambdaArgs(Handle impl, Object... more) {
    List<Object> args = new ArrayList<>(List.of(Type.getType("()V"), impl, Type.getType("()V")));
    args.addAll(List.of(more));
    return args.toArray();
  }

  @Test
  void aReferenceToARewrittenMethodCallsAStaticBridgeTakingTheReceiverFirst() {
    MethodRefs refs = new MethodRefs("a/B", Opcodes.V17, false);
    Object[] args = lambdaArgs(LOCK);
    Object[] out = refs.rewrite(METAFACTORY, args, 7, (op, o, n, d, i) -> true);
    Handle bridge = (Handle) out[1];
    assertEquals(Opcodes.H_INVOKESTATIC, bridge.getTag());
    assertEquals("a/B", bridge.getOwner());
    assertEquals("(Ljava/util/concurrent/locks/Lock;)V", bridge.getDesc());
    // the functional types are left as they were: the bridge's type is the handle's own
    assertSame(args[0], out[0]);
    assertSame(args[2], out[2]);
    assertSame(LOCK, args[1]); // the caller's array is not changed
  }

  @Test
  void aReferenceTheInstrumenterLeavesAloneKeepsItsHandleAndGetsNoBridge() {
    MethodRefs refs = new MethodRefs("a/B", Opcodes.V17, false);
    Object[] out = refs.rewrite(METAFACTORY, lambdaArgs(GET), 7, (op, o, n, d, i) -> false);
    assertSame(GET, out[1]);
    List<String> written = new ArrayList<>();
    refs.emit((access, name, desc) -> record(written, name));
    assertEquals(List.of(), written);
  }

  @Test
  void theSameReferenceOnTheSameLineSharesOneBridgeAndAnotherLineGetsItsOwn() {
    MethodRefs refs = new MethodRefs("a/B", Opcodes.V17, false);
    Handle one = refs.bridgeFor(GET, 7, (op, o, n, d, i) -> true);
    assertEquals(one, refs.bridgeFor(GET, 7, (op, o, n, d, i) -> true));
    Handle other = refs.bridgeFor(GET, 8, (op, o, n, d, i) -> true);
    assertFalse(one.getName().equals(other.getName()));
    List<String> written = new ArrayList<>();
    refs.emit((access, name, desc) -> record(written, name));
    assertEquals(List.of(one.getName(), other.getName()), written);
  }

  @Test
  void aSerializableLambdaKeepsItsHandleForDeserialisation() {
    assertFalse(MethodRefs.isLambda(ALT, lambdaArgs(LOCK, 1 /* FLAG_SERIALIZABLE */)));
    assertTrue(MethodRefs.isLambda(ALT, lambdaArgs(LOCK, 2 /* FLAG_MARKERS */)));
    Handle other = new Handle(Opcodes.H_INVOKESTATIC, "a/Boot", "metafactory", "()V", false);
    assertFalse(MethodRefs.isLambda(other, lambdaArgs(LOCK)));
  }

  @Test
  void superCallsAndFieldHandlesAreNotBridged() {
    MethodRefs refs = new MethodRefs("a/B", Opcodes.V17, false);
    Handle special =
        new Handle(Opcodes.H_INVOKESPECIAL, "java/lang/Object", "toString", "()V", false);
    assertNull(refs.bridgeFor(special, 1, (op, o, n, d, i) -> true));
  }

  @Test
  void anInterfaceOfJava8GetsAPublicBridgeAndALaterOneAPrivateOne() {
    List<Integer> access = new ArrayList<>();
    for (int version : new int[] {Opcodes.V1_8, Opcodes.V11}) {
      MethodRefs refs = new MethodRefs("a/I", version, true);
      Handle bridge = refs.bridgeFor(GET, 1, (op, o, n, d, i) -> true);
      assertTrue(bridge.isInterface());
      refs.emit(
          (a, name, desc) -> {
            access.add(a & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE));
            return new MethodVisitor(Opcodes.ASM9) {};
          });
    }
    assertEquals(List.of(Opcodes.ACC_PUBLIC, Opcodes.ACC_PRIVATE), access);
  }

  private static MethodVisitor record(List<String> written, String name) {
    written.add(name);
    return new MethodVisitor(Opcodes.ASM9) {};
  }
}
