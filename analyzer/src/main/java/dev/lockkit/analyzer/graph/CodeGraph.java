package dev.lockkit.analyzer.graph;

import dev.lockkit.analyzer.finding.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dependency graph of a project at three levels, built once and read by every rule.
 *
 * <p>Implementation overview. The graph stores each resolved type reference once, column-wise in
 * int arrays (source type, target type, file, line, column); types, packages, modules and files are
 * ints whose order is the order of their names, so every output derived from the graph is
 * deterministic. The {@link EdgeTable} of each level is derived from these arrays on first use and
 * cached: the package level maps each type to its package, the module level to its module, and
 * references inside one node are dropped at that level. A 1M-line project has a few million
 * references, i.e. tens of megabytes here.
 */
public final class CodeGraph {

  private final String[] types;
  private final int[] typePackage;
  private final int[] typeModule;
  private final String[] packages;
  private final String[] modules;
  private final String[] files;
  private final int[] refFrom;
  private final int[] refTo;
  private final int[] refFile;
  private final int[] refLine;
  private final int[] refColumn;
  private final Map<Level, EdgeTable> tables = new EnumMap<>(Level.class);

  private CodeGraph(Builder b, int[] typeOrder) {
    int n = b.typeNames.size();
    int[] rank = new int[n];
    types = new String[n];
    for (int i = 0; i < n; i++) {
      rank[typeOrder[i]] = i;
      types[i] = b.typeNames.get(typeOrder[i]);
    }
    packages = new TreeSet<>(b.typePackages).toArray(String[]::new);
    modules = b.modules.toArray(String[]::new);
    files = b.files.toArray(String[]::new);
    typePackage = new int[n];
    typeModule = new int[n];
    for (int i = 0; i < n; i++) {
      int old = typeOrder[i];
      typePackage[i] = Arrays.binarySearch(packages, b.typePackages.get(old));
      typeModule[i] = b.typeModules.get(old);
    }
    int r = b.refCount;
    refFrom = new int[r];
    refTo = new int[r];
    for (int i = 0; i < r; i++) {
      refFrom[i] = rank[b.refFrom[i]];
      refTo[i] = rank[b.refTo[i]];
    }
    refFile = Arrays.copyOf(b.refFile, r);
    refLine = Arrays.copyOf(b.refLine, r);
    refColumn = Arrays.copyOf(b.refColumn, r);
  }

  /** The edges at a level (built on first use). */
  public synchronized EdgeTable edges(Level level) {
    return tables.computeIfAbsent(level, this::build);
  }

  private EdgeTable build(Level level) {
    switch (level) {
      case TYPE:
        return new EdgeTable(this, level, types, refFrom, refTo);
      case PACKAGE:
        return new EdgeTable(
            this, level, packages, map(refFrom, typePackage), map(refTo, typePackage));
      default:
        return new EdgeTable(
            this, level, modules, map(refFrom, typeModule), map(refTo, typeModule));
    }
  }

  private static int[] map(int[] refs, int[] typeTo) {
    int[] out = new int[refs.length];
    for (int i = 0; i < refs.length; i++) {
      out[i] = typeTo[refs[i]];
    }
    return out;
  }

  Location refLocation(int ref) {
    return new Location(files[refFile[ref]], refLine[ref], refColumn[ref]);
  }

  public int typeCount() {
    return types.length;
  }

  public String typeName(int type) {
    return types[type];
  }

  /** The package of a type, as a node of the package level. */
  public int packageOf(int type) {
    return typePackage[type];
  }

  /** The module of a type, as a node of the module level. */
  public int moduleOf(int type) {
    return typeModule[type];
  }

  public int packageCount() {
    return packages.length;
  }

  public int moduleCount() {
    return modules.length;
  }

  public List<String> moduleNames() {
    return List.of(modules);
  }

  public int fileCount() {
    return files.length;
  }

  /** Number of resolved references between distinct top-level types. */
  public int referenceCount() {
    return refFrom.length;
  }

  /**
   * Collects types and references. Types may be added in any order; references must be added in
   * (file, line, column) order, which the front end guarantees by walking files in path order.
   */
  public static final class Builder {
    private final List<String> typeNames = new ArrayList<>();
    private final List<String> typePackages = new ArrayList<>();
    private final List<Integer> typeModules = new ArrayList<>();
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final List<String> modules;
    private final List<String> files = new ArrayList<>();
    private int[] refFrom = new int[1024];
    private int[] refTo = new int[1024];
    private int[] refFile = new int[1024];
    private int[] refLine = new int[1024];
    private int[] refColumn = new int[1024];
    private int refCount;

    public Builder(List<String> modules) {
      this.modules = List.copyOf(modules);
    }

    /** Registers a file and returns its id. */
    public int addFile(String path) {
      files.add(path);
      return files.size() - 1;
    }

    /** Registers a top-level type (the first registration of a name wins) and returns its id. */
    public int addType(String name, String pkg, int module) {
      Integer id = typeIds.get(name);
      if (id != null) {
        return id;
      }
      typeNames.add(name);
      typePackages.add(pkg);
      typeModules.add(module);
      typeIds.put(name, typeNames.size() - 1);
      return typeNames.size() - 1;
    }

    /** Adds one reference; references within one type are ignored. */
    public void addReference(int from, int to, int file, int line, int column) {
      if (from == to) {
        return;
      }
      if (refCount == refFrom.length) {
        int n = refCount * 2;
        refFrom = Arrays.copyOf(refFrom, n);
        refTo = Arrays.copyOf(refTo, n);
        refFile = Arrays.copyOf(refFile, n);
        refLine = Arrays.copyOf(refLine, n);
        refColumn = Arrays.copyOf(refColumn, n);
      }
      refFrom[refCount] = from;
      refTo[refCount] = to;
      refFile[refCount] = file;
      refLine[refCount] = line;
      refColumn[refCount] = column;
      refCount++;
    }

    public CodeGraph build() {
      Integer[] order = new Integer[typeNames.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> typeNames.get(a).compareTo(typeNames.get(b)));
      return new CodeGraph(this, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }
  }
}
