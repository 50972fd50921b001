package dev.lockkit.bench.analyzer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.jar.JarFile;

/**
 * What teams run today for the same question: ArchUnit's class-file import of a library jar, then
 * {@code slices().matching(PATTERN).should().beFreeOfCycles()}, with ArchUnit's default limits (it
 * stops after {@code cycles.maxNumberToDetect} = 100 cycles). The failure report is rendered, as a
 * CI job would print it. Usage: {@code ArchUnitCycles JAR [PATTERN]}, PATTERN defaulting to {@code
 * ..(*)..}.
 */
public final class ArchUnitCycles {

  private ArchUnitCycles() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    if (args.length < 1) {
      System.err.println("usage: ArchUnitCycles JAR [PATTERN]");
      System.exit(2);
    }
    String pattern = args.length > 1 ? args[1] : "..(*)..";
    JavaClasses classes;
    try (JarFile jar = new JarFile(args[0])) {
      classes = new ClassFileImporter().importJar(jar);
    }
    long imported = System.nanoTime();
    EvaluationResult result =
        slices().matching(pattern).should().beFreeOfCycles().evaluate(classes);
    List<String> details = result.getFailureReport().getDetails();
    long chars = details.stream().mapToLong(String::length).sum();
    System.out.printf(
        "archunit: %d classes, pattern %s, %d violations (%d chars of report),"
            + " import %.0f ms, cycle check %.0f ms in-process%n",
        classes.size(),
        pattern,
        details.size(),
        chars,
        (imported - start) / 1e6,
        (System.nanoTime() - imported) / 1e6);
  }
}
