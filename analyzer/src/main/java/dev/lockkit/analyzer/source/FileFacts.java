package dev.lockkit.analyzer.source;

import dev.lockkit.analyzer.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the analyzer keeps of one source file once its syntax tree is gone: package, imports,
 * declared types and the unresolved type references, each with its position.
 *
 * <p>References are stored column-wise in primitive arrays (see {@link Refs}) so that a file costs
 * a few dozen bytes per reference, not a syntax tree; names are interned by the extractor, so the
 * thousands of occurrences of {@code String} or {@code List} share one string.
 */
public final class FileFacts {

  /** How a reference was written, which decides how it may be resolved. */
  public enum RefKind {
    /** A type name: it can only denote a type (extends, a declaration's type, a cast, ...). */
    TYPE,
    /** An ambiguous dotted name in an expression: a variable, a type or a package prefix. */
    EXPR,
    /** An unqualified method call, which only a static import can make a dependency. */
    CALL,
    /**
     * A call of a method that some rule bans, with its receiver described by {@link ReceiverTypes}
     * as the chain: recorded only for such rules, never a graph edge.
     */
    RECEIVER
  }

  /**
   * A type declared in this file (top-level, member, or enum/record/annotation).
   *
   * @param fqn dotted name, nested types included ({@code a.b.Outer.Inner})
   * @param simpleName the name as declared
   * @param outer index of the enclosing declared type, or -1
   * @param supertypes extends/implements names as written
   * @param memberNames names of declared fields, methods and enum constants
   * @param signatures {@code name/arity} ({@code name/arity+} for varargs) to the raw class names
   *     in the parameter and return types of the methods so declared, as written: what a compiled
   *     call's descriptor would name
   * @param fieldTypes field name to its type as written, {@code ""} when it is not a class type;
   *     only filled when receivers are typed (some rule bans a member), else empty
   * @param returnTypes {@code name/arity[+]} to the return type as written, as {@code fieldTypes}
   * @param line line of the name
   * @param column column of the name
   */
  public record DeclaredType(
      String fqn,
      String simpleName,
      int outer,
      List<String> supertypes,
      Set<String> memberNames,
      Map<String, List<String>> signatures,
      Map<String, String> fieldTypes,
      Map<String, String> returnTypes,
      int line,
      int column) {}

  /** Column-wise reference table: one entry per reference, in source order. */
  public static final class Refs {
    private static final int HEADER = 0x10;
    private String[] chains = new String[16];
    private String[] members = new String[16];
    private byte[] kinds = new byte[16];
    private int[] contexts = new int[16];
    private int[] lines = new int[16];
    private int[] columns = new int[16];
    private int size;

    void add(
        String chain,
        String member,
        RefKind kind,
        boolean header,
        int context,
        int line,
        int column) {
      if (size == chains.length) {
        int n = size * 2;
        chains = java.util.Arrays.copyOf(chains, n);
        members = java.util.Arrays.copyOf(members, n);
        kinds = java.util.Arrays.copyOf(kinds, n);
        contexts = java.util.Arrays.copyOf(contexts, n);
        lines = java.util.Arrays.copyOf(lines, n);
        columns = java.util.Arrays.copyOf(columns, n);
      }
      chains[size] = chain;
      members[size] = member;
      kinds[size] = (byte) (kind.ordinal() | (header ? HEADER : 0));
      contexts[size] = context;
      lines[size] = line;
      columns[size] = column;
      size++;
    }

    /** Removes the entries the test selects, keeping the others in order. */
    void removeIf(java.util.function.IntPredicate drop) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (drop.test(i)) {
          continue;
        }
        chains[kept] = chains[i];
        members[kept] = members[i];
        kinds[kept] = kinds[i];
        contexts[kept] = contexts[i];
        lines[kept] = lines[i];
        columns[kept] = columns[i];
        kept++;
      }
      java.util.Arrays.fill(chains, kept, size, null);
      java.util.Arrays.fill(members, kept, size, null);
      size = kept;
    }

    /** Drops the spare capacity once the file is done. */
    void trim() {
      chains = java.util.Arrays.copyOf(chains, size);
      members = java.util.Arrays.copyOf(members, size);
      kinds = java.util.Arrays.copyOf(kinds, size);
      contexts = java.util.Arrays.copyOf(contexts, size);
      lines = java.util.Arrays.copyOf(lines, size);
      columns = java.util.Arrays.copyOf(columns, size);
    }

    public int size() {
      return size;
    }

    /** The dotted name as written, e.g. {@code Map.Entry} or {@code a.b.C.FIELD}. */
    public String chain(int i) {
      return chains[i];
    }

    /**
     * The member named right after the chain, or null: {@code name/argc} for a call with {@code
     * argc} arguments, {@code name} for a method reference.
     */
    public String member(int i) {
      return members[i];
    }

    public RefKind kind(int i) {
      return RefKind.values()[kinds[i] & ~HEADER];
    }

    /**
     * Whether the reference is in a type's header (annotations, type parameters, supertypes): it
     * belongs to {@link #context} but resolves in the scope enclosing that type.
     */
    public boolean inHeader(int i) {
      return (kinds[i] & HEADER) != 0;
    }

    /** Index into {@link FileFacts#types()} of the type the reference belongs to, or -1. */
    public int context(int i) {
      return contexts[i];
    }

    public int line(int i) {
      return lines[i];
    }

    public int column(int i) {
      return columns[i];
    }
  }

  private final int module;
  private final String path;
  private final String packageName;
  final List<String> singleImports = new ArrayList<>();
  final List<String> onDemandImports = new ArrayList<>();
  final List<String> staticSingleImports = new ArrayList<>();
  final List<String> staticOnDemandImports = new ArrayList<>();
  final List<DeclaredType> types = new ArrayList<>();
  final Refs refs = new Refs();
  final List<Finding> problems = new ArrayList<>();

  FileFacts(int module, String path, String packageName) {
    this.module = module;
    this.path = path;
    this.packageName = packageName;
  }

  /** A file that could not be analysed: only its problems are known. */
  static FileFacts failed(int module, String path, Finding problem) {
    FileFacts f = new FileFacts(module, path, "");
    f.problems.add(problem);
    return f;
  }

  /** Index of the module (source root) this file belongs to. */
  public int module() {
    return module;
  }

  /** Display path ({@code /}-separated, relative to the display base when possible). */
  public String path() {
    return path;
  }

  /** The package, or {@code ""} for the default package. */
  public String packageName() {
    return packageName;
  }

  public List<String> singleImports() {
    return singleImports;
  }

  public List<String> onDemandImports() {
    return onDemandImports;
  }

  /** {@code a.b.C.member} for each {@code import static a.b.C.member;}. */
  public List<String> staticSingleImports() {
    return staticSingleImports;
  }

  /** {@code a.b.C} for each {@code import static a.b.C.*;}. */
  public List<String> staticOnDemandImports() {
    return staticOnDemandImports;
  }

  public List<DeclaredType> types() {
    return types;
  }

  public Refs refs() {
    return refs;
  }

  /** Input findings (parse errors, encoding problems) of this file. */
  public List<Finding> problems() {
    return problems;
  }
}
