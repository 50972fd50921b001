package dev.lockkit.analyzer.variants;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.report.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code lockkit variants --format json}: the matrix for scripts and CI (one entry per variant, its
 * full configuration, and with {@code --compile} the verdict and first errors). Field order is
 * fixed and configurations are in the command's order, so the bytes depend only on the input.
 */
final class VariantJson {
  private VariantJson() {}

  static String render(
      Path kconfig,
      FeatureModel model,
      String sample,
      List<SortedMap<String, Boolean>> configs,
      List<VariantBuilder.Result> results) {
    Json j = new Json().beginObject();
    j.field("kconfig", kconfig.toString().replace('\\', '/'));
    j.field("sample", sample);
    j.name("options").beginArray();
    model.symbolNames().forEach(j::value);
    j.endArray();
    int width = Math.max(2, String.valueOf(configs.size()).length());
    int failures = 0;
    j.name("variants").beginArray();
    for (int i = 0; i < configs.size(); i++) {
      j.beginObject();
      j.field("id", String.format("V%0" + width + "d", i + 1));
      j.name("config").beginObject();
      for (Map.Entry<String, Boolean> e : configs.get(i).entrySet()) {
        j.field(e.getKey(), e.getValue());
      }
      j.endObject();
      if (results != null) {
        VariantBuilder.Result r = results.get(i);
        j.field("compiles", r.compiles());
        j.name("errors").beginArray();
        r.errors().forEach(j::value);
        j.endArray();
        failures += r.compiles() ? 0 : 1;
      }
      j.endObject();
    }
    j.endArray();
    j.name("summary").beginObject();
    j.field("variants", configs.size());
    if (results != null) {
      j.field("compile", configs.size() - failures);
      j.field("fail", failures);
    }
    j.endObject();
    j.endObject();
    return j + "\n";
  }
}
