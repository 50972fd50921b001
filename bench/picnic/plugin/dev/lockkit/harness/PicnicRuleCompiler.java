package dev.lockkit.harness;

import com.google.errorprone.CodeTransformer;
import com.google.errorprone.CompositeCodeTransformer;
import com.google.errorprone.refaster.RefasterRuleBuilderScanner;
import com.sun.source.tree.ClassTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A javac plugin that turns Refaster template classes into a serialized rule file for
 * {@code -XepPatchChecks:refaster:FILE}: the job of Error Prone's {@code RefasterRuleCompiler},
 * whose artifact ({@code error_prone_refaster}) is not published for 2.42.0. It drives the rule
 * extraction that {@code error_prone_core} does ship, {@code RefasterRuleBuilderScanner}.
 *
 * <p>Usage: {@code javac -Xplugin:"LockkitPicnicRuleCompiler OUT.refaster" Templates.java}.
 */
public final class PicnicRuleCompiler implements Plugin {

  @Override
  public String getName() {
    return "LockkitPicnicRuleCompiler";
  }

  @Override
  public void init(JavacTask task, String... args) {
    Path out = Path.of(args[0]);
    Context context = ((BasicJavacTask) task).getContext();
    List<CodeTransformer> rules = new ArrayList<>();
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void finished(TaskEvent e) {
            // ANALYZE fires for nested classes too; the scan below already visits them.
            if (e.getKind() != TaskEvent.Kind.ANALYZE
                || e.getTypeElement().getNestingKind() != javax.lang.model.element.NestingKind.TOP_LEVEL) {
              return;
            }
            ClassTree tree = JavacTrees.instance(context).getTree(e.getTypeElement());
            if (tree == null) {
              return;
            }
            int before = rules.size();
            // extractRules reads one class; a rule collection nests one rule per class.
            new TreeScanner<Void, Void>() {
              @Override
              public Void visitClass(ClassTree c, Void unused) {
                rules.addAll(RefasterRuleBuilderScanner.extractRules(c, context));
                return super.visitClass(c, null);
              }
            }.scan(tree, null);
            try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(out))) {
              o.writeObject(CompositeCodeTransformer.compose(rules));
              System.err.println(
                  "refaster rules: " + e.getTypeElement() + " " + (rules.size() - before));
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          }
        });
  }
}
