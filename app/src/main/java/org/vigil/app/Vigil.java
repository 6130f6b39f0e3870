package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: one entry point for every tool and service. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Vigil.Version.class,
    description = "Vigil: intruder and hold-up alarm panel and alarm receiving centre (SIA DC-09).",
    subcommands = {
      CommandLine.HelpCommand.class,
      Dc09Command.class,
      SimulateCommand.class,
      ValidateCommand.class,
      AntiCodeCommand.class,
      org.vigil.app.arc.ArcScenarioCommand.class,
      ArcCommand.class,
      DemoCommand.class,
      PanelCommand.class,
      org.vigil.app.loadgen.LoadgenCommand.class
    })
public final class Vigil implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Vigil());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Vigil.class.getResourceAsStream("/vigil-version.properties")) {
        if (in != null) p.load(in);
      }
      return new String[] {
        "vigil " + p.getProperty("version", "unknown"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
