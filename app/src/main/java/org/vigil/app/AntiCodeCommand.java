package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.restore.AntiCode;
import org.vigil.panel.yaml.Parsed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil anticode CHALLENGE --site SITE | --secret-file FILE}: the ARC's side of the BS 8473
 * remote reset. The keyholder reads the panel's 5-digit challenge over the phone; this prints the
 * 6-digit response to read back. The secret is never taken on the command line (it would show in
 * the process list) and never printed.
 */
@Command(
    name = "anticode",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the remote reset (anti-code) response for a panel's challenge (BS 8473, BS 8243 A.3).",
      "Exit codes: 0 response printed, 2 bad challenge or no secret."
    })
public final class AntiCodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CHALLENGE", description = "the 5-digit challenge shown by the panel")
  String challenge;

  @Option(names = "--site", paramLabel = "SITE", description = "site configuration holding restore.anti_code_secret")
  Path site;

  @Option(names = "--secret-file", paramLabel = "FILE", description = "file holding the secret (first line)")
  Path secretFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (challenge == null || !challenge.trim().matches("\\d{5}")) {
      err.println("vigil anticode: the challenge is the 5 digits the panel shows, found '" + challenge + "'");
      return 2;
    }
    String secret = null;
    if (secretFile != null) {
      if (!Files.isReadable(secretFile)) {
        err.println("vigil anticode: cannot read " + secretFile);
        return 2;
      }
      String first = Files.readString(secretFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
      secret = first.isEmpty() ? null : first;
    } else if (site != null) {
      Parsed<SiteConfig> p = new SiteLoader().read(site);
      if (!p.problems().isEmpty()) {
        p.problems().forEach(pr -> err.println(pr));
        return 2;
      }
      secret = p.orThrow().restore().antiCodeSecret();
    }
    if (secret == null) {
      err.println("vigil anticode: no secret: give --site SITE (with restore.anti_code_secret) or --secret-file FILE");
      return 2;
    }
    out.println(AntiCode.response(secret, challenge.trim()));
    out.flush();
    return 0;
  }
}
