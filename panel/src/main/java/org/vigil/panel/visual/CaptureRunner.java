package org.vigil.panel.visual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;

/**
 * Glue for a real-time panel service: hand it the effects of every engine step; for each {@link
 * Effect.CaptureImages} it starts an {@link ImageCapture} and, when the capture is over, feeds the
 * outcome back to the engine ({@link Input.ImagesCaptured}) and to {@code onReport} (e.g. to attach
 * {@link CaptureReport#verification()} to a DC-09 message). Returns at once: nothing here waits for a
 * camera.
 */
public final class CaptureRunner {
  /** Steps the engine with one input (e.g. {@code PanelTransmission::input}). */
  @FunctionalInterface
  public interface EngineInput {
    void accept(Input input) throws Exception;
  }

  private final ImageCapture capture;
  private final EngineInput engine;
  private final Consumer<CaptureReport> onReport;
  private final Consumer<Exception> onError;

  public CaptureRunner(ImageCapture capture, EngineInput engine, Consumer<CaptureReport> onReport, Consumer<Exception> onError) {
    this.capture = capture;
    this.engine = engine;
    this.onReport = onReport;
    this.onError = onError;
  }

  /** Starts a capture for every capture effect in {@code effects}; one future per capture started. */
  public List<CompletableFuture<CaptureReport>> handle(List<? extends Effect> effects) {
    List<CompletableFuture<CaptureReport>> started = new ArrayList<>();
    for (Effect e : effects) {
      if (!(e instanceof Effect.CaptureImages c)) continue;
      started.add(capture.capture(c).whenComplete((report, err) -> {
        if (err != null) {
          onError.accept(err instanceof Exception ex ? ex : new RuntimeException(err));
          return;
        }
        try {
          engine.accept(report.toInput(c.device()));
        } catch (Exception ex) {
          onError.accept(ex);
        }
        onReport.accept(report);
      }));
    }
    return started;
  }
}
