package org.vigil.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.validate.AsFitted;
import org.vigil.panel.validate.DesignValidator;
import org.vigil.panel.validate.Finding;
import org.vigil.panel.validate.Report;
import org.vigil.panel.validate.Severity;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil validate SITE [--json] [--as-fitted FORMAT]}: design check of a site before commissioning. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a site design against its grade and profile (EN 50131, BS 8243, DD243); every finding cites its clause.",
      "Exit codes: 0 no errors, 1 design errors, 2 the file cannot be read or has configuration errors."
    })
public final class ValidateCommand implements Callable<Integer> {
  enum AsFittedFormat { markdown, html }

  @Parameters(index = "0", paramLabel = "SITE", description = "site configuration (YAML)")
  Path site;

  @Option(names = "--json", description = "print findings as JSON")
  boolean json;

  @Option(names = "--as-fitted", paramLabel = "FORMAT", description = "write the as-fitted document (markdown or html) to stdout, or to --output")
  AsFittedFormat asFitted;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "file for the as-fitted document")
  Path output;

  @Option(names = "--no-info", description = "hide info findings in the text output")
  boolean noInfo;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Parsed<SiteConfig> parsed = SiteLoader.load(site);
    if (!parsed.ok()) {
      if (json) {
        out.println(toJson(Map.of("file", site.toString(), "valid", false, "configuration_errors", problems(parsed.problems()))));
      } else {
        err.println("vigil validate: " + site + " has configuration errors:");
        parsed.problems().forEach(p -> err.println("  " + p));
      }
      out.flush();
      err.flush();
      return 2;
    }
    Report r = DesignValidator.validate(parsed.orThrow());
    if (asFitted != null) {
      String doc = AsFitted.render(r, asFitted == AsFittedFormat.html ? AsFitted.Format.HTML : AsFitted.Format.MARKDOWN);
      if (output != null) Files.writeString(output, doc, StandardCharsets.UTF_8);
      else out.print(doc);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", site.toString());
      m.put("valid", !r.hasErrors());
      m.put("errors", r.count(Severity.ERROR));
      m.put("warnings", r.count(Severity.WARNING));
      m.put("findings", r.findings().stream().map(ValidateCommand::finding).toList());
      List<Map<String, Object>> conf = new ArrayList<>();
      r.confirmation().forEach(a -> conf.add(Map.of("area", a.area(), "can_confirm", a.canConfirm(),
          "confirming_pairs", a.confirming().stream().map(v -> List.of(v.a().id(), v.b().id())).toList())));
      m.put("confirmation", conf);
      out.println(toJson(m));
    } else if (asFitted == null || output != null) {
      for (Finding f : r.findings()) {
        if (noInfo && f.severity() == Severity.INFO) continue;
        out.println(f);
      }
      out.println(site + ": " + r.count(Severity.ERROR) + " error(s), " + r.count(Severity.WARNING) + " warning(s), " + r.count(Severity.INFO) + " info");
    }
    out.flush();
    return r.hasErrors() ? 1 : 0;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", f.severity().name().toLowerCase());
    m.put("rule", f.rule());
    m.put("path", f.path());
    m.put("line", f.loc().line());
    m.put("column", f.loc().column());
    m.put("message", f.message());
    return m;
  }

  private static List<Map<String, Object>> problems(List<Problem> ps) {
    return ps.stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.loc().file());
      m.put("line", p.loc().line());
      m.put("column", p.loc().column());
      m.put("path", p.path());
      m.put("message", p.message());
      return m;
    }).toList();
  }

  private static String toJson(Object o) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
