package dev.lockkit.refactor.javac;

import java.nio.file.Path;
import javax.tools.SimpleJavaFileObject;

/**
 * A source file held in memory, named by its real path so diagnostics name it: an attribution's
 * units are given as text (the tree as a change would leave it), and their offsets must be offsets
 * into exactly that text.
 */
final class InMemorySource extends SimpleJavaFileObject {
  private final String text;

  InMemorySource(Path path, String text) {
    super(path.toAbsolutePath().normalize().toUri(), Kind.SOURCE);
    this.text = text;
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return text;
  }
}
