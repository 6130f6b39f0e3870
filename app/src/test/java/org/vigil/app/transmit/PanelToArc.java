package org.vigil.app.transmit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.transmit.QueuedEvent;
import org.vigil.panel.transmit.Transmitter;

/** Helpers shared by the panel-to-ARC tests and the latency measurement. */
public final class PanelToArc {
  private PanelToArc() {}

  /** Loads an example site with its ARC addresses replaced (e.g. "arc.example.net:12000" -> loopback port). */
  public static SiteConfig site(String example, String... replacements) throws IOException {
    Path file = Path.of("..", "examples", example);
    String text = Files.readString(file);
    for (int i = 0; i + 1 < replacements.length; i += 2) text = text.replace(replacements[i], replacements[i + 1]);
    return new SiteLoader(1).parse(text, file).orThrow();
  }

  /** Records what the transmitter reports. */
  public static final class Recorder implements Transmitter.Listener {
    public final List<String> pathChanges = new CopyOnWriteArrayList<>();
    public final List<QueuedEvent> delivered = new CopyOnWriteArrayList<>();
    public final List<String> deliveredPaths = new CopyOnWriteArrayList<>();
    public final List<Instant> deliveredAt = new CopyOnWriteArrayList<>();
    public final List<String> logs = new CopyOnWriteArrayList<>();

    @Override
    public void pathChanged(String path, boolean up, String reason) {
      pathChanges.add(path + (up ? " up" : " down"));
    }

    @Override
    public void delivered(QueuedEvent e, String path, Instant at) {
      deliveredAt.add(at);
      deliveredPaths.add(path);
      delivered.add(e);
    }

    @Override
    public void log(String path, String message, String rule) {
      logs.add(path + ": " + message + " [" + rule + "]");
    }
  }
}
