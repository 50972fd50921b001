package dev.lockkit.analyzer.source;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.source.FileFacts.RefKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the front end records for receiver typing, and that it records nothing when not asked. */
class ReceiverTypesTest {

  @TempDir Path dir;

  private FileFacts parse(Set<String> methods) throws Exception {
    write(
        dir,
        "p/A.java",
        "package p;\nclass A<T> { B b; T t; int n; B get() { return b; }\n"
            + "  void f(B x, Runnable r) { x.run(); b.run(); get().run(); t.run(); r.run();"
            + " ((B) null).run(); }\n}\n",
        "p/B.java",
        "package p;\nclass B { void run() {} }\n");
    SourceParser parser =
        new SourceParser(SourceParser.Options.defaults(), dir).typeReceiversOf(methods);
    SourceParser.Parsed parsed =
        parser.parse(InputScanner.scan(List.of(dir)), SourceParser.Progress.NONE);
    return parsed.files().get(0);
  }

  private static List<String> receivers(FileFacts f) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < f.refs().size(); i++) {
      if (f.refs().kind(i) == RefKind.RECEIVER) {
        out.add(f.refs().chain(i) + " " + f.refs().member(i));
      }
    }
    return out;
  }

  @Test
  void withoutBannedMethodNamesNothingExtraIsRecorded() throws Exception {
    FileFacts f = parse(Set.of());
    assertEquals(List.of(), receivers(f));
    assertEquals(Map.of(), f.types().get(0).fieldTypes());
    assertEquals(Map.of(), f.types().get(0).returnTypes());
  }

  @Test
  void eachCallOfABannedNameGetsItsReceiverDescribed() throws Exception {
    FileFacts f = parse(Set.of("run"));
    assertEquals(
        List.of(
            "T:B run/0", // parameter
            "n:b run/0", // no local: a field or a type, for the resolver
            "this|m:get/0 run/0",
            "n:t run/0", // a field whose type is a type variable: left to the resolver
            "T:Runnable run/0",
            "T:B run/0"), // cast
        receivers(f));
    assertEquals(Map.of("b", "B", "t", "", "n", ""), f.types().get(0).fieldTypes());
    assertEquals(Map.of("get/0", "B", "f/2", ""), f.types().get(0).returnTypes());
  }
}
