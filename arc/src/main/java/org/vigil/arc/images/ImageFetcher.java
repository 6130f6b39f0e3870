package org.vigil.arc.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the images behind one DC-09 {@code [V]} link, with bounded retries, size caps and type
 * checks. Blocking: the caller runs it off the receiver's thread (see {@link AlarmImages}), so the
 * ACK and the alarm never wait for it.
 *
 * <p>The link is either an image itself (one image, e.g. a photo link from another panel make) or an
 * index that lists image names, one per line, as text/plain: what the Vigil panel's image server
 * gives ({@code GET /images/<reference>/}). The panel captures its images over about 5 s after the
 * HUA (BS 8243 5.3.1), so an index that is missing (404) or short at first is read again until it
 * has settled or the budget is spent.
 */
public final class ImageFetcher {
  /**
   * @param budget total time for one link (retries included)
   * @param requestTimeout one HTTP exchange, body included
   * @param retryDelay pause between reads of the link
   * @param settle an index unchanged for this long (with enough images) is complete
   * @param maxImageBytes cap on one image
   * @param maxIndexBytes cap on an index
   * @param maxImages images kept per link
   * @param expected images a HUA should bring (BS 8243 5.3.1: three)
   */
  public record Limits(Duration budget, Duration requestTimeout, Duration retryDelay, Duration settle, int maxImageBytes, int maxIndexBytes, int maxImages, int expected) {
    /** About 15 s in all: the panel's capture takes about 5 s plus its camera timeout. */
    public static Limits defaults() {
      return new Limits(Duration.ofSeconds(15), Duration.ofSeconds(4), Duration.ofMillis(750), Duration.ofMillis(2500), 4 * 1024 * 1024, 64 * 1024, 24, 3);
    }
  }

  private final HttpClient http;
  private final Limits limits;
  private final Clock clock;

  public ImageFetcher(HttpClient http, Limits limits, Clock clock) {
    this.http = http;
    this.limits = limits;
    this.clock = clock;
  }

  public Limits limits() {
    return limits;
  }

  /** Fetches what {@code vValue} links to. Never throws; interruption ends it early with what it has. */
  public FetchOutcome fetch(String vValue) {
    ImageLink parsed = ImageLink.parse(vValue);
    if (parsed instanceof ImageLink.Invalid bad) {
      return new FetchOutcome(bad.value(), FetchOutcome.Status.MALFORMED, List.of(), List.of(new FetchProblem(FetchProblem.Kind.MALFORMED_LINK, bad.reason())), 0);
    }
    URI link = ((ImageLink.Valid) parsed).uri();
    Instant deadline = clock.instant().plus(limits.budget());
    Map<String, FetchedImage> got = new LinkedHashMap<>();
    Map<String, FetchProblem> pending = new LinkedHashMap<>();
    List<FetchProblem> fixed = new ArrayList<>();
    java.util.Set<String> givenUp = new java.util.HashSet<>();
    FetchProblem linkProblem = null;
    // An HTTP answer says more than a time-out cut short by the end of the budget: it is what is reported.
    FetchProblem lastAnswer = null;
    List<String> lastListing = null;
    Instant listingSince = null;
    int attempts = 0;
    boolean done = false;
    while (!done) {
      attempts++;
      Answer a = get(link, limits.maxImageBytes(), deadline);
      switch (a) {
        case Answer.Failed f -> {
          linkProblem = f.problem();
          if (f.problem().kind() != FetchProblem.Kind.TIMEOUT) lastAnswer = f.problem();
        }
        case Answer.Body b -> {
          linkProblem = null;
          Optional<String> type = FetchedImage.sniff(b.bytes());
          if (type.isPresent()) {
            got.put(nameOf(link), new FetchedImage(nameOf(link), type.get(), b.bytes()));
            done = true;
          } else if (b.mediaType().equals("text/plain") && b.bytes().length <= limits.maxIndexBytes()) {
            List<String> names = listing(b.bytes(), fixed);
            if (!names.equals(lastListing)) {
              lastListing = names;
              listingSince = clock.instant();
            }
            for (String name : names) {
              if (got.containsKey(name) || givenUp.contains(name)) continue;
              if (got.size() >= limits.maxImages()) {
                addOnce(fixed, new FetchProblem(FetchProblem.Kind.TOO_MANY, "the link lists " + names.size() + " images; the first " + limits.maxImages() + " are kept"));
                break;
              }
              attempts++;
              Answer img = get(link.resolve(name), limits.maxImageBytes(), deadline);
              switch (img) {
                case Answer.Failed f -> {
                  if (f.problem().retryable()) {
                    pending.put(name, f.problem());
                  } else {
                    givenUp.add(name);
                    pending.remove(name);
                    fixed.add(f.problem());
                  }
                }
                case Answer.Body ib -> {
                  Optional<String> t = FetchedImage.sniff(ib.bytes());
                  if (t.isPresent()) {
                    got.put(name, new FetchedImage(name, t.get(), ib.bytes()));
                    pending.remove(name);
                  } else {
                    givenUp.add(name);
                    pending.remove(name);
                    fixed.add(new FetchProblem(FetchProblem.Kind.NOT_AN_IMAGE, name + ": " + describe(ib)));
                  }
                }
              }
            }
            boolean settled = listingSince != null && !clock.instant().isBefore(listingSince.plus(limits.settle()));
            if (got.size() >= limits.expected() && pending.isEmpty() && settled) done = true;
          } else {
            linkProblem = b.bytes().length > limits.maxIndexBytes() && b.mediaType().equals("text/plain")
                ? new FetchProblem(FetchProblem.Kind.TOO_LARGE, "index larger than " + limits.maxIndexBytes() + " bytes")
                : new FetchProblem(FetchProblem.Kind.NOT_AN_IMAGE, "the link gives " + describe(b));
            done = true; // a web page or other content will not turn into images by asking again
          }
        }
      }
      if (linkProblem != null && !linkProblem.retryable()) done = true;
      if (done) break;
      if (!Duration.between(clock.instant(), deadline).minus(limits.retryDelay()).isPositive()) break;
      try {
        Thread.sleep(limits.retryDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<FetchProblem> problems = new ArrayList<>(fixed);
    if (linkProblem != null) {
      FetchProblem p = linkProblem.kind() == FetchProblem.Kind.TIMEOUT && lastAnswer != null ? lastAnswer : linkProblem;
      problems.add(0, p.after(attempts));
    }
    problems.addAll(pending.values());
    if (!got.isEmpty() && got.size() < limits.expected()) {
      problems.add(new FetchProblem(FetchProblem.Kind.TOO_FEW, got.size() + " of the " + limits.expected() + " images a hold-up alarm should bring (BS8243 5.3.1)"));
    }
    FetchOutcome.Status status = got.isEmpty() ? FetchOutcome.Status.FAILED : problems.isEmpty() ? FetchOutcome.Status.COMPLETE : FetchOutcome.Status.INCOMPLETE;
    return new FetchOutcome(link.toString(), status, List.copyOf(got.values()), problems, attempts);
  }

  private static void addOnce(List<FetchProblem> l, FetchProblem p) {
    if (!l.contains(p)) l.add(p);
  }

  private static String nameOf(URI link) {
    String path = link.getPath() == null ? "" : link.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return FetchedImage.safeName(last) ? last : "image";
  }

  /** The names an index lists; lines that are not plain file names are reported and skipped. */
  private static List<String> listing(byte[] body, List<FetchProblem> problems) {
    List<String> names = new ArrayList<>();
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
      String n = line.strip();
      if (n.isEmpty()) continue;
      if (!FetchedImage.safeName(n)) {
        addOnce(problems, new FetchProblem(FetchProblem.Kind.NOT_AN_IMAGE, "index line '" + (n.length() > 40 ? n.substring(0, 40) + "..." : n) + "' is not an image name; skipped"));
        continue;
      }
      if (!names.contains(n)) names.add(n);
    }
    return names;
  }

  private static String describe(Answer.Body b) {
    return (b.mediaType().isEmpty() ? "no content type" : "content type '" + b.mediaType() + "'") + ", " + b.bytes().length + " bytes, not an image";
  }

  // ---- one HTTP exchange, bounded in time and size ----

  sealed interface Answer {
    record Body(String mediaType, byte[] bytes) implements Answer {}

    record Failed(FetchProblem problem) implements Answer {}
  }

  private Answer get(URI uri, int cap, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    Duration timeout = left.compareTo(limits.requestTimeout()) < 0 ? left : limits.requestTimeout();
    if (timeout.toMillis() < 50) timeout = Duration.ofMillis(50);
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/*, text/plain").GET().build();
    } catch (IllegalArgumentException e) {
      return new Answer.Failed(new FetchProblem(FetchProblem.Kind.MALFORMED_LINK, e.getMessage()));
    }
    CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream());
    long ms = timeout.toMillis();
    HttpResponse<InputStream> resp;
    try {
      resp = sent.get(ms, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TIMEOUT, "no answer within " + ms + " ms"));
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TIMEOUT, "interrupted"));
    } catch (ExecutionException e) {
      return new Answer.Failed(failure(e.getCause(), ms));
    }
    try (InputStream in = resp.body()) {
      if (resp.statusCode() != 200) return new Answer.Failed(new FetchProblem(FetchProblem.Kind.HTTP_ERROR, "HTTP " + resp.statusCode() + " from " + uri));
      long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > cap) return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TOO_LARGE, uri.getPath() + ": " + declared + " bytes, more than the cap of " + cap));
      String type = FetchedImage.mediaType(resp.headers().firstValue("Content-Type").orElse(""));
      // Read on a virtual thread so a body that trickles in cannot outlast the timeout.
      CompletableFuture<byte[]> body = new CompletableFuture<>();
      Thread.ofVirtual().start(() -> {
        try {
          body.complete(in.readNBytes(cap + 1));
        } catch (IOException e) {
          body.completeExceptionally(e);
        }
      });
      byte[] bytes;
      try {
        bytes = body.get(Math.max(50, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TIMEOUT, uri.getPath() + ": body not complete in time"));
      } catch (ExecutionException e) {
        return new Answer.Failed(failure(e.getCause(), ms));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TIMEOUT, "interrupted"));
      }
      if (bytes.length > cap) return new Answer.Failed(new FetchProblem(FetchProblem.Kind.TOO_LARGE, uri.getPath() + ": more than the cap of " + cap + " bytes"));
      return new Answer.Body(type, bytes);
    } catch (IOException e) {
      return new Answer.Failed(failure(e, ms));
    }
  }

  private static FetchProblem failure(Throwable e, long ms) {
    if (e instanceof HttpTimeoutException) return new FetchProblem(FetchProblem.Kind.TIMEOUT, "no answer within " + ms + " ms");
    if (e instanceof ConnectException) return new FetchProblem(FetchProblem.Kind.UNREACHABLE, "connection refused");
    return new FetchProblem(FetchProblem.Kind.UNREACHABLE, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }
}
