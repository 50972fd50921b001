package dev.lockkit.refactor.javac;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Serves source-path files as their {@link Declarations}: javac attributes every file it reads to
 * complete a type, and their method bodies are not what the units' resolution depends on (a
 * reference's meaning depends on signatures, fields and types only). Without this, a what-if on a
 * large tree attributes a large part of it.
 *
 * <p>One per javac task, over the {@link Attribution.Session}'s file manager (which outlives the
 * task) and its cache of declarations-only texts.
 */
final class DeclarationsOnly
    extends javax.tools.ForwardingJavaFileManager<StandardJavaFileManager> {
  private final java.util.Set<URI> hidden;
  private final Attribution.Session session;

  /**
   * @param hidden normalized URIs of source-path files javac must not see (files a change deletes,
   *     and the units' own paths)
   */
  DeclarationsOnly(Attribution.Session session, java.util.Set<URI> hidden) {
    super(session.files());
    this.session = session;
    this.hidden = hidden;
  }

  @Override
  public void close() {
    // the session's file manager outlives this task
  }

  @Override
  public Iterable<JavaFileObject> list(
      Location location,
      String packageName,
      java.util.Set<JavaFileObject.Kind> kinds,
      boolean recurse)
      throws IOException {
    Iterable<JavaFileObject> all = super.list(location, packageName, kinds, recurse);
    if (location != StandardLocation.SOURCE_PATH) {
      return all;
    }
    List<JavaFileObject> out = new ArrayList<>();
    for (JavaFileObject f : all) {
      if (!hidden.isEmpty() && hidden.contains(f.toUri().normalize())) {
        continue;
      }
      out.add(f.getKind() == JavaFileObject.Kind.SOURCE ? new Stripped(f, session) : f);
    }
    return out;
  }

  /**
   * No {@code module-info} on the source path: a module declaration there puts javac in
   * single-module mode, where it refuses the in-memory units (an {@code IllegalArgumentException}
   * from the file manager). The tools attribute a tree's code, not its module graph, so javac reads
   * it as class-path code, as a build without {@code module-info.java} would.
   */
  @Override
  public JavaFileObject getJavaFileForInput(
      Location location, String className, JavaFileObject.Kind kind) throws IOException {
    if (location == StandardLocation.SOURCE_PATH && className.equals("module-info")) {
      return null;
    }
    return super.getJavaFileForInput(location, className, kind);
  }

  @Override
  public String inferBinaryName(Location location, JavaFileObject file) {
    return super.inferBinaryName(location, file instanceof Stripped s ? s.original() : file);
  }

  @Override
  public boolean isSameFile(javax.tools.FileObject a, javax.tools.FileObject b) {
    return super.isSameFile(
        a instanceof Stripped s ? s.original() : a, b instanceof Stripped t ? t.original() : b);
  }

  /** A source-path file whose content is its declarations only. */
  private static final class Stripped extends javax.tools.ForwardingJavaFileObject<JavaFileObject> {
    private final Attribution.Session session;

    Stripped(JavaFileObject f, Attribution.Session session) {
      super(f);
      this.session = session;
    }

    JavaFileObject original() {
      return fileObject;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
      return session.declarationsOf(fileObject);
    }
  }
}
