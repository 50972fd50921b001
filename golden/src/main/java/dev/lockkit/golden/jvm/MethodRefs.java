package dev.lockkit.golden.jvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Method references to hooked methods ({@code lock::lock}, {@code counter::incrementAndGet}, {@code
 * queue::take}). Such a reference compiles to an {@code invokedynamic} whose {@code
 * LambdaMetafactory} bootstrap carries a handle to the JDK method itself: the lambda the JDK spins
 * calls it directly, so no rewritten call site exists. Each such handle is redirected to a static
 * bridge in the class under test, {@code golden$ref$N(receiver, args)}, whose body is the plain
 * call and is instrumented like any other call: the reference then reaches the same model, or the
 * same scheduling point, as the call written out.
 *
 * <p>The bridge's type is the handle's own type as {@code LambdaMetafactory} sees it (an instance
 * method's receiver is its first parameter), so the bootstrap's sam and instantiated method types
 * stay valid unchanged, for a bound receiver (captured) and an unbound one alike.
 */
final class MethodRefs {

  static final String PREFIX = "golden$ref$";
  private static final String LMF = "java/lang/invoke/LambdaMetafactory";
  // LambdaMetafactory.FLAG_SERIALIZABLE: a serializable lambda names its implementation method,
  // which deserialisation ($deserializeLambda$) checks; such references keep their handle.
  private static final int FLAG_SERIALIZABLE = 1;

  /** Writes one bridge's code: receives the access flags, name and descriptor of the method. */
  interface Writer {
    MethodVisitor method(int access, String name, String desc);
  }

  /** Says whether the instrumenter rewrites a call. */
  interface Rewrites {
    boolean test(int op, String owner, String name, String desc, boolean itf);
  }

  private record Bridge(Handle target, String name, String desc, int line) {}

  private final String owner;
  private final boolean ownerIsInterface;
  private final int access;
  // target handle + line -> bridge, in first-use order so the class's bytes are deterministic
  private final Map<String, Bridge> bridges = new LinkedHashMap<>();

  MethodRefs(String owner, int version, boolean ownerIsInterface) {
    this.owner = owner;
    this.ownerIsInterface = ownerIsInterface;
    // An interface may hold private methods only from class file version 53 (Java 9) on.
    boolean privateOk = !ownerIsInterface || (version & 0xFFFF) >= Opcodes.V9;
    this.access =
        (privateOk ? Opcodes.ACC_PRIVATE : Opcodes.ACC_PUBLIC)
            | Opcodes.ACC_STATIC
            | Opcodes.ACC_SYNTHETIC;
  }

  /**
   * The bootstrap arguments of an invokedynamic, with a constructor reference to a modelled JDK
   * class ({@code ArrayBlockingQueue::new}) making the model and a lambda metafactory's method
   * handle that the instrumenter rewrites redirected to its bridge.
   */
  Object[] rewrite(Handle bsm, Object[] args, int line, Rewrites rewrites) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Handle h
          && h.getTag() == Opcodes.H_NEWINVOKESPECIAL
          && Substitutions.model(h.getOwner(), h.getDesc()) != null) {
        out[i] =
            new Handle(
                Opcodes.H_NEWINVOKESPECIAL,
                Substitutions.model(h.getOwner(), h.getDesc()),
                h.getName(),
                h.getDesc(),
                false);
      }
    }
    if (isLambda(bsm, out) && out[1] instanceof Handle h) {
      Handle bridge = bridgeFor(h, line, rewrites);
      if (bridge != null) {
        out[1] = bridge;
      }
    }
    return out;
  }

  /** Whether an invokedynamic's bootstrap is a lambda metafactory whose handle may be bridged. */
  static boolean isLambda(Handle bsm, Object[] args) {
    if (!bsm.getOwner().equals(LMF) || args.length < 3) {
      return false;
    }
    if (bsm.getName().equals("metafactory")) {
      return true;
    }
    return bsm.getName().equals("altMetafactory")
        && args.length > 3
        && args[3] instanceof Integer flags
        && (flags & FLAG_SERIALIZABLE) == 0;
  }

  /**
   * The handle of the bridge that replaces {@code h}, or null when {@code h} needs none (not a
   * plain method call, or a call the instrumenter leaves as it is). {@code line} is the line of the
   * reference: the bridge's step is reported there.
   */
  Handle bridgeFor(Handle h, int line, Rewrites rewrites) {
    int op = opcode(h.getTag());
    if (op < 0 || h.getName().startsWith(PREFIX)) {
      return null;
    }
    if (!rewrites.test(op, h.getOwner(), h.getName(), h.getDesc(), h.isInterface())) {
      return null;
    }
    String key = h.getTag() + " " + h.getOwner() + "." + h.getName() + h.getDesc() + " " + line;
    Bridge b =
        bridges.computeIfAbsent(
            key,
            k ->
                new Bridge(
                    h,
                    PREFIX + bridges.size(),
                    op == Opcodes.INVOKESTATIC
                        ? h.getDesc()
                        : "(" + receiver(h.getOwner()) + h.getDesc().substring(1),
                    line));
    return new Handle(Opcodes.H_INVOKESTATIC, owner, b.name(), b.desc(), ownerIsInterface);
  }

  /** Writes every bridge asked for: load the arguments, make the call, return its result. */
  void emit(Writer writer) {
    for (Bridge b : new ArrayList<>(bridges.values())) {
      MethodVisitor mv = writer.method(access, b.name(), b.desc());
      mv.visitCode();
      Label start = new Label();
      mv.visitLabel(start);
      if (b.line() > 0) {
        mv.visitLineNumber(b.line(), start);
      }
      int slot = 0;
      for (Type a : Type.getArgumentTypes(b.desc())) {
        mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
        slot += a.getSize();
      }
      Handle t = b.target();
      mv.visitMethodInsn(
          opcode(t.getTag()), t.getOwner(), t.getName(), t.getDesc(), t.isInterface());
      mv.visitInsn(Type.getReturnType(b.desc()).getOpcode(Opcodes.IRETURN));
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  private static String receiver(String internal) {
    return internal.startsWith("[") ? internal : "L" + internal + ";";
  }

  /** The call instruction of a method handle's kind, or -1 for a kind that is not bridged. */
  private static int opcode(int tag) {
    return switch (tag) {
      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
      case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
      default -> -1; // fields, super calls (invokespecial), constructors (done apart)
    };
  }

  /**
   * Records what the instrumenter emits for one call: it changed the call if it emitted anything
   * besides that very call.
   */
  static final class Recorder extends MethodVisitor {
    private final String expected;
    private boolean changed;

    Recorder(int op, String owner, String name, String desc) {
      super(Opcodes.ASM9);
      this.expected = op + " " + owner + "." + name + desc;
    }

    boolean changed() {
      return changed;
    }

    @Override
    public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
      if (!expected.equals(op + " " + owner + "." + name + desc)) {
        changed = true;
      }
    }

    @Override
    public void visitLdcInsn(Object value) {
      changed = true;
    }

    @Override
    public void visitInsn(int opcode) {
      changed = true;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      changed = true;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String desc) {
      changed = true;
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      changed = true;
    }
  }
}
