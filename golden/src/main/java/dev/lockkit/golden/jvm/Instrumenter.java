package dev.lockkit.golden.jvm;

import static dev.lockkit.golden.jvm.Hooked.COLLECTIONS;
import static dev.lockkit.golden.jvm.Hooked.CONCURRENT_OPS;
import static dev.lockkit.golden.jvm.Hooked.CONDITIONS;
import static dev.lockkit.golden.jvm.Hooked.CONDITION_OPS;
import static dev.lockkit.golden.jvm.Hooked.EXECUTOR;
import static dev.lockkit.golden.jvm.Hooked.FUTURES;
import static dev.lockkit.golden.jvm.Hooked.JDK_BARRIERS;
import static dev.lockkit.golden.jvm.Hooked.LOCKS;
import static dev.lockkit.golden.jvm.Hooked.LOCK_OPS;
import static dev.lockkit.golden.jvm.Hooked.PHASER;
import static dev.lockkit.golden.jvm.Hooked.PHASER_OPS;
import static dev.lockkit.golden.jvm.Hooked.RT;
import static dev.lockkit.golden.jvm.Hooked.RT_CONCURRENT;
import static dev.lockkit.golden.jvm.Hooked.SEMAPHORE_OPS;
import static dev.lockkit.golden.jvm.Hooked.STR;
import static dev.lockkit.golden.jvm.Hooked.SYNC_PREFIX;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the bytecode of a class under test so that every operation where threads synchronise or
 * share becomes a call to {@link Rt} (or, for executors, futures, latches and semaphores, {@link
 * RtConcurrent}):
 *
 * <ul>
 *   <li>field reads and writes (except in constructors and static initialisers, of final fields of
 *       the class itself, and of JDK classes) and array element loads and stores: a scheduling
 *       point before the access;
 *   <li>{@code monitorenter}/{@code monitorexit} and {@code synchronized} methods: the modelled
 *       monitor instead of the real one (a synchronized method becomes a private copy without the
 *       flag, called by a wrapper that enters and exits the modelled monitor);
 *   <li>{@code wait}/{@code notify}/{@code notifyAll}, {@code Lock}, {@code Condition}, {@code
 *       ReadWriteLock} sides, {@code LockSupport}, {@code
 *       Thread.start/join/sleep/yield/onSpinWait/currentThread/interrupt/isInterrupted}, {@code
 *       Future.get}, {@code CompletableFuture.join}, {@code CountDownLatch.await}, {@code
 *       Semaphore.acquire}, {@code Phaser}'s waits ({@link JdkBarriers}) and {@code
 *       Executors.newFixedThreadPool/newSingleThreadExecutor/newCachedThreadPool}: replaced by
 *       their models;
 *   <li>{@code new} of a JDK blocking queue, {@code Exchanger} or {@code CyclicBarrier}, and a
 *       constructor reference to one: its model, a subclass ({@link Substitutions}) whose blocking
 *       methods wait in the model whoever calls them;
 *   <li>a method reference to any method this list rewrites ({@code lock::lock}, {@code
 *       counter::incrementAndGet}): a static bridge in the class whose one call is rewritten as
 *       above ({@link MethodRefs}), so the reference is modelled and a point as the call is;
 *   <li>{@code CompletableFuture}'s {@code *Async} methods without an executor: the overload with
 *       one, given the schedule's model of the common pool, so the tasks they start are tasks of
 *       the schedule;
 *   <li>any other call into {@code java.util.concurrent} (atomics, concurrent collections), on a
 *       {@code java.util} collection, and on a {@code VarHandle}: a scheduling point before the
 *       call, which then runs as one atomic step.
 * </ul>
 *
 * <p>Every call carries its site, {@code File.java:line op}, as a string constant: that is the
 * trace line of the step. No branch is added to any existing method, so its stack map frames stay
 * valid; only the synchronized-method wrappers are new code, with their one frame written here.
 */
final class Instrumenter {

  private Instrumenter() {}

  /**
   * The instrumented class; {@code isThread} says whether an internal name is a Thread type, {@code
   * isA} whether a class is (or extends) another.
   */
  static byte[] transform(
      byte[] bytes, Predicate<String> isThread, BiPredicate<String, String> isA) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(new ClassAdapter(writer, isThread, isA), 0);
    return writer.toByteArray();
  }

  private static final class ClassAdapter extends ClassVisitor {
    private final Predicate<String> isThread;
    private final BiPredicate<String, String> isA;
    private String owner;
    private String file = "?";
    private MethodRefs bridges;
    private final Set<String> finals = new HashSet<>();

    ClassAdapter(ClassVisitor cv, Predicate<String> isThread, BiPredicate<String, String> isA) {
      super(Opcodes.ASM9, cv);
      this.isThread = isThread;
      this.isA = isA;
    }

    @Override
    public void visit(
        int version, int access, String name, String sig, String superName, String[] itfs) {
      owner = name;
      file = simple(name) + ".java";
      bridges = new MethodRefs(name, version, (access & Opcodes.ACC_INTERFACE) != 0);
      super.visit(version, access, name, sig, superName, itfs);
    }

    @Override
    public void visitSource(String source, String debug) {
      if (source != null) {
        file = source;
      }
      super.visitSource(source, debug);
    }

    @Override
    public void visitEnd() {
      // The bridges of method references to hooked methods, each written through a Body so that
      // its one call is rewritten exactly as the same call written in the source would be.
      bridges.emit(
          (access, name, desc) ->
              new Body(super.visitMethod(access, name, desc, null, null), true));
      super.visitEnd();
    }

    @Override
    public FieldVisitor visitField(int access, String name, String desc, String sig, Object v) {
      if ((access & Opcodes.ACC_FINAL) != 0) {
        finals.add(name);
      }
      return super.visitField(access, name, desc, sig, v);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String sig, String[] exceptions) {
      boolean skipFields = name.equals("<init>") || name.equals("<clinit>");
      boolean sync =
          (access & Opcodes.ACC_SYNCHRONIZED) != 0
              && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
      if (!sync) {
        return new Body(super.visitMethod(access, name, desc, sig, exceptions), skipFields);
      }
      int copy =
          (access & ~(Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED))
              | Opcodes.ACC_PRIVATE
              | Opcodes.ACC_SYNTHETIC;
      Body body =
          new Body(super.visitMethod(copy, SYNC_PREFIX + name, desc, sig, exceptions), skipFields);
      // The wrapper is written once the copy's first line is known: its site names that line.
      body.onEnd =
          () ->
              wrapper(
                  access & ~Opcodes.ACC_SYNCHRONIZED, name, desc, sig, exceptions, body.firstLine);
      return body;
    }

    /** {@code enter(lock); try { return copy(args); } finally { exit(lock); }} */
    private void wrapper(
        int access, String name, String desc, String sig, String[] exceptions, int line) {
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      String site = file + ":" + line + " synchronized method";
      MethodVisitor mv = super.visitMethod(access, name, desc, sig, exceptions);
      mv.visitCode();
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      mv.visitTryCatchBlock(start, end, handler, null);
      pushLock(mv, isStatic);
      mv.visitLdcInsn(site);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, RT, "monitorEnter", "(Ljava/lang/Object;" + STR + ")V", false);
      mv.visitLabel(start);
      int slot = 0;
      if (!isStatic) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        slot = 1;
      }
      Type[] args = Type.getArgumentTypes(desc);
      for (Type a : args) {
        mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
        slot += a.getSize();
      }
      boolean itf = false;
      mv.visitMethodInsn(
          isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL,
          owner,
          SYNC_PREFIX + name,
          desc,
          itf);
      mv.visitLabel(end);
      pushLock(mv, isStatic);
      mv.visitLdcInsn(site);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, RT, "monitorExit", "(Ljava/lang/Object;" + STR + ")V", false);
      mv.visitInsn(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN));
      mv.visitLabel(handler);
      Object[] locals = new Object[args.length + (isStatic ? 0 : 1)];
      int i = 0;
      if (!isStatic) {
        locals[i++] = owner;
      }
      for (Type a : args) {
        locals[i++] = frameType(a);
      }
      mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
      pushLock(mv, isStatic);
      mv.visitLdcInsn(site);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, RT, "monitorExit", "(Ljava/lang/Object;" + STR + ")V", false);
      mv.visitInsn(Opcodes.ATHROW);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }

    private void pushLock(MethodVisitor mv, boolean isStatic) {
      if (isStatic) {
        mv.visitLdcInsn(Type.getObjectType(owner));
      } else {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
      }
    }

    private static Object frameType(Type t) {
      switch (t.getSort()) {
        case Type.BOOLEAN:
        case Type.BYTE:
        case Type.CHAR:
        case Type.SHORT:
        case Type.INT:
          return Opcodes.INTEGER;
        case Type.FLOAT:
          return Opcodes.FLOAT;
        case Type.LONG:
          return Opcodes.LONG;
        case Type.DOUBLE:
          return Opcodes.DOUBLE;
        case Type.ARRAY:
          return t.getDescriptor();
        default:
          return t.getInternalName();
      }
    }

    private final class Body extends MethodVisitor {
      private final boolean skipFields;
      // JDK classes whose `new` was given a model, awaiting their constructor call (nested news
      // are constructed innermost first, so a count per class pairs them).
      private final Map<String, Integer> pendingNew = new java.util.HashMap<>();
      private int line;
      int firstLine;
      Runnable onEnd;

      Body(MethodVisitor mv, boolean skipFields) {
        super(Opcodes.ASM9, mv);
        this.skipFields = skipFields;
      }

      private String site(String op) {
        return file + ":" + line + " " + op;
      }

      private void hook(String method, String site) {
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, method, "(" + STR + ")V", false);
      }

      @Override
      public void visitLineNumber(int line, Label start) {
        this.line = line;
        if (firstLine == 0) {
          firstLine = line;
        }
        super.visitLineNumber(line, start);
      }

      @Override
      public void visitFieldInsn(int opcode, String fowner, String name, String desc) {
        if (!skipFields
            && !fowner.startsWith("java/")
            && !(fowner.equals(owner) && finals.contains(name))
            && !name.startsWith("this$")
            && !name.startsWith("val$")
            && !name.equals("$assertionsDisabled")) {
          boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
          hook(
              read ? "read" : "write",
              site((read ? "read " : "write ") + simple(fowner) + "." + name));
        }
        super.visitFieldInsn(opcode, fowner, name, desc);
      }

      @Override
      public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
          super.visitLdcInsn(
              site(opcode == Opcodes.MONITORENTER ? "synchronized" : "end synchronized"));
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC,
              RT,
              opcode == Opcodes.MONITORENTER ? "monitorEnter" : "monitorExit",
              "(Ljava/lang/Object;" + STR + ")V",
              false);
          return;
        }
        if (!skipFields) {
          if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
            hook("read", site("read array element"));
          } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            hook("write", site("write array element"));
          }
        }
        super.visitInsn(opcode);
      }

      @Override
      public void visitTypeInsn(int opcode, String type) {
        String model = opcode == Opcodes.NEW ? Substitutions.model(type) : null;
        if (model != null) {
          pendingNew.merge(type, 1, Integer::sum);
          super.visitTypeInsn(opcode, model);
          return;
        }
        super.visitTypeInsn(opcode, type);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
        // A constructor reference (ArrayBlockingQueue::new) makes the model; a method reference
        // to a hooked method (lock::lock) calls a bridge whose call is rewritten.
        Object[] out = bridges.rewrite(bsm, args, line, this::changes);
        super.visitInvokeDynamicInsn(name, desc, bsm, out);
      }

      /**
       * Whether this visitor rewrites the call {@code op mowner.name desc} (replaces it or adds a
       * point before it): a dry run of {@link #visitMethodInsn} into a recorder.
       */
      private boolean changes(int op, String mowner, String name, String desc, boolean itf) {
        MethodRefs.Recorder recorder = new MethodRefs.Recorder(op, mowner, name, desc);
        new Body(recorder, true).visitMethodInsn(op, mowner, name, desc, itf);
        return recorder.changed();
      }

      /** The constructor call of a {@code new} that {@link #visitTypeInsn} gave a model. */
      private boolean modelInit(int op, String mowner, String name, String desc) {
        if (op != Opcodes.INVOKESPECIAL
            || !name.equals("<init>")
            || pendingNew.getOrDefault(mowner, 0) == 0) {
          return false; // not one (a subclass's super(...) call has no `new` before it)
        }
        pendingNew.merge(mowner, -1, Integer::sum);
        String model = Substitutions.model(mowner, desc);
        if (model == null) {
          throw new IllegalStateException(
              "golden has no model of the constructor " + simple(mowner) + desc);
        }
        hook("call", site(simple(mowner) + ".<init>()"));
        super.visitMethodInsn(op, model, name, desc, false);
        return true;
      }

      @Override
      public void visitMethodInsn(int op, String mowner, String name, String desc, boolean itf) {
        String key = name + desc;
        String call = simple(mowner) + "." + name;
        if (modelInit(op, mowner, name, desc)) {
          return;
        }
        if (PHASER_OPS.containsKey(key)
            && op != Opcodes.INVOKESTATIC
            && (mowner.equals(PHASER) || isA.test(mowner, PHASER))) {
          replace(PHASER_OPS.get(key), "L" + PHASER + ";", desc, site(call + "()"));
          return;
        }
        // Object's monitor methods (final: any owner with this name and descriptor is Object's)
        if (op != Opcodes.INVOKESTATIC) {
          switch (key) {
            case "wait()V", "wait(J)V", "wait(JI)V" -> {
              replace("waitOn", "Ljava/lang/Object;", desc, site("wait()"));
              return;
            }
            case "notify()V" -> {
              replace("notifyOne", "Ljava/lang/Object;", desc, site("notify()"));
              return;
            }
            case "notifyAll()V" -> {
              replace("notifyAllOn", "Ljava/lang/Object;", desc, site("notifyAll()"));
              return;
            }
            default -> {}
          }
        }
        if (LOCKS.contains(mowner) && LOCK_OPS.containsKey(key)) {
          replace(LOCK_OPS.get(key), "Ljava/util/concurrent/locks/Lock;", desc, site(call + "()"));
          return;
        }
        if (CONDITIONS.contains(mowner) && CONDITION_OPS.containsKey(key)) {
          replace(
              CONDITION_OPS.get(key),
              "Ljava/util/concurrent/locks/Condition;",
              desc,
              site(call + "()"));
          return;
        }
        if ((mowner.equals("java/util/concurrent/locks/ReadWriteLock")
                || mowner.equals("java/util/concurrent/locks/ReentrantReadWriteLock"))
            && (name.equals("readLock") || name.equals("writeLock"))
            && desc.startsWith("()")) {
          replace(name, "L" + mowner + ";", desc, site(call + "()"));
          return;
        }
        if (mowner.equals("java/util/concurrent/locks/LockSupport")
            && (name.equals("park") || name.equals("parkNanos") || name.equals("unpark"))) {
          staticReplace(name, desc, site(call + "()"));
          return;
        }
        if (op == Opcodes.INVOKEVIRTUAL && isThread.test(mowner)) {
          if (key.equals("interrupt()V") || key.equals("isInterrupted()Z")) {
            replace(name, "Ljava/lang/Thread;", desc, site("Thread." + name + "()"));
            return;
          }
          if (key.equals("start()V") || key.equals("join()V") || key.equals("join(J)V")) {
            replace(name, "Ljava/lang/Thread;", desc, site("Thread." + name + "()"));
            return;
          }
        }
        if (mowner.equals("java/lang/Thread") && op == Opcodes.INVOKESTATIC) {
          if (key.equals("sleep(J)V")) {
            staticReplace("sleep", desc, site("Thread.sleep()"));
            return;
          }
          if (key.equals("currentThread()Ljava/lang/Thread;")) {
            staticReplace("currentThread", desc, site("Thread.currentThread()"));
            return;
          }
          if (key.equals("yield()V") || key.equals("onSpinWait()V")) {
            staticReplace("spin", "()V", site("Thread." + name + "()"));
            return;
          }
        }
        if (mowner.equals("java/util/concurrent/Executors")
            && (key.equals("newFixedThreadPool(I)Ljava/util/concurrent/ExecutorService;")
                || key.equals("newSingleThreadExecutor()Ljava/util/concurrent/ExecutorService;")
                || key.equals("newCachedThreadPool()Ljava/util/concurrent/ExecutorService;"))) {
          staticReplace(name, desc, site(call + "()"));
          return;
        }
        if (FUTURES.contains(mowner)) {
          if (key.equals("get()Ljava/lang/Object;")) {
            replace("futureGet", "Ljava/util/concurrent/Future;", desc, site(call + "()"));
            return;
          }
          if (key.equals("get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;")) {
            replace("futureGet", "Ljava/util/concurrent/Future;", desc, site(call + "()"));
            return;
          }
          if (key.equals("join()Ljava/lang/Object;")
              && mowner.equals("java/util/concurrent/CompletableFuture")) {
            replace(
                "futureJoin", "Ljava/util/concurrent/CompletableFuture;", desc, site(call + "()"));
            return;
          }
        }
        if (mowner.equals("java/util/concurrent/CountDownLatch")
            && (key.equals("await()V") || key.equals("await(JLjava/util/concurrent/TimeUnit;)Z"))) {
          replace("latchAwait", "Ljava/util/concurrent/CountDownLatch;", desc, site(call + "()"));
          return;
        }
        if (mowner.equals("java/util/concurrent/Semaphore") && SEMAPHORE_OPS.containsKey(key)) {
          replace(
              SEMAPHORE_OPS.get(key), "Ljava/util/concurrent/Semaphore;", desc, site(call + "()"));
          return;
        }
        if ((mowner.equals("java/util/concurrent/CompletableFuture")
                || mowner.equals("java/util/concurrent/CompletionStage"))
            && name.endsWith("Async")
            && !desc.contains(EXECUTOR)) {
          // The default executor (the common pool) runs code on threads golden does not control:
          // call the overload that takes an executor, with the schedule's model of that pool.
          hook("call", site(call + "()"));
          super.visitLdcInsn(site(call + "()"));
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC, RT_CONCURRENT, "asyncPool", "(" + STR + ")" + EXECUTOR, false);
          int close = desc.indexOf(')');
          super.visitMethodInsn(
              op, mowner, name, desc.substring(0, close) + EXECUTOR + desc.substring(close), itf);
          return;
        }
        if ((mowner.equals("java/lang/ThreadLocal")
                || mowner.equals("java/lang/InheritableThreadLocal"))
            && op != Opcodes.INVOKESTATIC) {
          hook("threadLocal", site(call + "()"));
        }
        if (mowner.startsWith("java/util/concurrent/")
            || mowner.equals("java/lang/invoke/VarHandle")
            || (COLLECTIONS.contains(mowner) && op != Opcodes.INVOKESTATIC)) {
          hook("call", site(call + "()"));
        }
        super.visitMethodInsn(op, mowner, name, desc, itf);
      }

      @Override
      public void visitEnd() {
        super.visitEnd();
        if (onEnd != null) {
          onEnd.run();
        }
      }

      /** An instance call {@code recv.m(args)} becomes {@code Rt.rt(recv, args, site)}. */
      private void replace(String rt, String receiver, String desc, String site) {
        int close = desc.indexOf(')');
        String d = "(" + receiver + desc.substring(1, close) + STR + desc.substring(close);
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner(rt), rt, d, false);
      }

      /** A static call {@code C.m(args)} becomes {@code Rt.rt(args, site)}. */
      private void staticReplace(String rt, String desc, String site) {
        int close = desc.indexOf(')');
        String d = desc.substring(0, close) + STR + desc.substring(close);
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner(rt), rt, d, false);
      }

      private String owner(String rt) {
        if (PHASER_OPS.containsValue(rt)) {
          return JDK_BARRIERS;
        }
        return CONCURRENT_OPS.contains(rt) ? RT_CONCURRENT : RT;
      }
    }
  }

  static String simple(String internal) {
    return internal.substring(internal.lastIndexOf('/') + 1);
  }
}
