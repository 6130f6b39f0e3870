package org.vigil.app.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.vigil.arc.receiver.Transport;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Error;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Dc09StreamFramer;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * Many simulated panels talking DC-09 to one receiver over Netty. Each panel behaves like a real
 * one: one message in flight, waiting for its answer; an unanswered or NAKed message is sent again
 * (same sequence and content, fresh timestamp) until it is acknowledged; after a lost connection it
 * reconnects and resends. Every answer is verified (CRC by decoding it; sequence, account and the
 * encryption flag against the request). All of a panel's state lives on one event loop, so it
 * needs no locks.
 */
public final class LoadGenerator implements AutoCloseable {

  /** Called on the panel's event loop; keep it quick. For tests (which frames were ACKed). */
  public interface Listener {
    default void sent(String account, int sequence, String data) {}

    default void acked(String account, int sequence, String data) {}
  }

  /** Error kinds counted in the summary. */
  static final String BAD_CRC = "bad_crc";
  static final String MALFORMED_RESPONSE = "malformed_response";
  static final String ACK_MISMATCH = "ack_mismatch";
  static final String DUH = "duh";
  static final String CONNECT_FAILED = "connect_failed";
  static final String CONNECTION_LOST = "connection_lost";
  static final String TIMEOUT = "timeout";

  private final LoadgenConfig config;
  private final Listener listener;
  private final Dc09Codec codec = Dc09Codec.standard();
  private final EventLoopGroup group;
  private final Transport transport = Transport.best();
  private final List<Panel> panels = new ArrayList<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  private final Counters counters = new Counters();
  private volatile InetSocketAddress target;
  private volatile boolean generating;
  private volatile boolean closed;
  private volatile boolean stopRequested;

  public LoadGenerator(LoadgenConfig config, Listener listener) {
    this.config = config;
    this.listener = listener == null ? new Listener() {} : listener;
    this.target = config.target();
    int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    this.group = transport.group(threads);
    SplittableRandom random = new SplittableRandom(config.seed());
    for (int i = 0; i < config.accounts().size(); i++)
      panels.add(new Panel(i, config.accounts().get(i), group.next(), random.split()));
  }

  /** Points every later connection (and UDP datagram) at another address: a receiver restarted elsewhere. */
  public void retarget(InetSocketAddress newTarget) {
    this.target = newTarget;
  }

  /**
   * Runs the load for the configured duration, then waits up to the drain time for what is still
   * unacknowledged. {@code progress} gets a snapshot about once a second.
   */
  public LoadReport run(Consumer<LoadReport> progress) throws InterruptedException {
    long start = System.nanoTime();
    generating = true;
    for (Panel p : panels) p.loop.execute(p::start);
    long end = start + config.duration().toNanos();
    long nextProgress = start + 1_000_000_000L;
    while (System.nanoTime() < end && !stopRequested) {
      sleepUntil(Math.min(end, nextProgress));
      if (System.nanoTime() >= nextProgress) {
        if (progress != null) progress.accept(report(start, System.nanoTime(), false));
        nextProgress += 1_000_000_000L;
      }
    }
    long generationEnded = System.nanoTime();
    generating = false;
    long drainEnd = generationEnded + config.drain().toNanos();
    while (outstanding() > 0 && System.nanoTime() < drainEnd) {
      Thread.sleep(20);
      if (System.nanoTime() >= nextProgress) {
        if (progress != null) progress.accept(report(start, generationEnded, false));
        nextProgress += 1_000_000_000L;
      }
    }
    return report(start, generationEnded, true);
  }

  private void sleepUntil(long nanoTime) throws InterruptedException {
    long ms = (nanoTime - System.nanoTime()) / 1_000_000;
    if (ms > 0) Thread.sleep(Math.min(ms, 50));
  }

  /** Ends the generation early (the drain still follows): tests stop the load when they have seen enough. */
  public void stop() {
    stopRequested = true;
  }

  /** Frames acknowledged so far. */
  public long acked() {
    return counters.acked.sum();
  }

  /** Messages generated and not yet acknowledged (queued or in flight) over all panels. */
  public long outstanding() {
    return counters.generated.sum() - counters.acked.sum() - counters.abandoned.sum();
  }

  private LoadReport report(long start, long generationEnd, boolean complete) {
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    return LoadReport.of(config, counters, latency, seconds, outstanding(), complete);
  }

  @Override
  public void close() {
    closed = true;
    generating = false;
    for (Panel p : panels) p.loop.execute(p::shutdown);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Thread-safe counters shared by all panels. */
  static final class Counters {
    final LongAdder generated = new LongAdder();
    final LongAdder events = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder retransmissions = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder nakked = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder lateAcks = new LongAdder();
    final java.util.concurrent.ConcurrentHashMap<String, LongAdder> errors = new java.util.concurrent.ConcurrentHashMap<>();

    void error(String kind) {
      errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long errorTotal() {
      return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
  }

  /** One message a panel has to deliver. */
  private static final class Message {
    final int sequence;
    final String data; // null for a NULL poll
    final long eventNumber;
    int attempts;
    long sentAt;

    Message(int sequence, String data, long eventNumber) {
      this.sequence = sequence;
      this.data = data;
      this.eventNumber = eventNumber;
    }

    boolean poll() {
      return data == null;
    }
  }

  /** One simulated panel; every method runs on {@link #loop}. */
  private final class Panel {
    final int index;
    final SimulatedAccount account;
    final EventLoop loop;
    final SplittableRandom random;
    final ArrayDeque<Message> queue = new ArrayDeque<>();
    Dc09StreamFramer framer = new Dc09StreamFramer();
    final KeyLookup keys;
    Message inFlight;
    Channel channel;
    boolean connecting;
    int sequence;
    long eventNumber;
    long lastActivity = System.nanoTime();
    ScheduledFuture<?> timeout;
    int reconnectDelayMs = 50;

    Panel(int index, SimulatedAccount account, EventLoop loop, SplittableRandom random) {
      this.index = index;
      this.account = account;
      this.loop = loop;
      this.random = random;
      this.keys = account.key() == null ? KeyLookup.none() : KeyLookup.always(account.key());
      this.sequence = random.nextInt(1, 10_000);
    }

    void start() {
      if (config.closedLoop()) {
        enqueueEvent();
      } else {
        double perPanel = config.eventsPerSecond() / panels.size();
        long periodNanos = (long) (1e9 / perPanel);
        long phase = random.nextLong(Math.max(1, periodNanos));
        loop.scheduleAtFixedRate(this::generate, phase, periodNanos, TimeUnit.NANOSECONDS);
      }
      if (!config.pollInterval().isZero()) {
        long poll = config.pollInterval().toNanos();
        loop.scheduleAtFixedRate(this::pollIfIdle, random.nextLong(poll), poll, TimeUnit.NANOSECONDS);
      }
      if (config.mode() == Mode.TCP) connect();
    }

    void generate() {
      if (!generating || closed) return;
      enqueueEvent();
      sendNext();
    }

    void enqueueEvent() {
      eventNumber++;
      queue.add(new Message(nextSequence(), "#" + account.number() + "|Nri1/BA" + eventNumber, eventNumber));
      counters.generated.increment();
      counters.events.increment();
    }

    void pollIfIdle() {
      if (!generating || closed) return;
      if (inFlight != null || !queue.isEmpty()) return;
      if (System.nanoTime() - lastActivity < config.pollInterval().toNanos() / 2) return;
      queue.add(new Message(nextSequence(), null, 0));
      counters.generated.increment();
      counters.polls.increment();
      sendNext();
    }

    int nextSequence() {
      sequence = sequence % 9999 + 1; // 0001..9999; 0000 is for NULL and ACK in some panels
      return sequence;
    }

    /** Takes the next queued message when nothing is in flight, and transmits it. */
    void sendNext() {
      if (closed || inFlight != null) return;
      inFlight = queue.poll();
      if (inFlight != null) transmit();
    }

    /** (Re)transmits the message in flight, connecting first when needed. */
    void transmit() {
      if (closed || inFlight == null) return;
      switch (config.mode()) {
        case TCP -> {
          if (channel == null || !channel.isActive()) connect();
          else write(channel, false);
        }
        case TCP_PER_MESSAGE -> {
          if (channel == null) connect(); // connected() writes it; a live channel already carries it
        }
        case UDP -> {
          if (channel == null) connect();
          else write(channel, true);
        }
      }
    }

    byte[] encode(Message m) {
      Dc09Frame.Builder b = Dc09Frame.builder(m.poll() ? Dc09Id.NULL : Dc09Id.SIA_DCS).sequence(m.sequence)
          .account(account.number()).timestamp(Instant.now()).encrypted(account.key() != null);
      if (account.receiver() != null && !account.receiver().isEmpty()) b.receiver(account.receiver());
      b.line(account.line() == null || account.line().isEmpty() ? "1" : account.line());
      if (!m.poll()) b.data(m.data);
      return codec.encode(b.build(), account.key());
    }

    void write(Channel ch, boolean udp) {
      Message m = inFlight;
      byte[] bytes = encode(m);
      m.attempts++;
      if (m.attempts > 1) counters.retransmissions.increment();
      counters.framesSent.increment();
      m.sentAt = System.nanoTime();
      lastActivity = m.sentAt;
      if (m.attempts == 1 && !m.poll()) listener.sent(account.number(), m.sequence, m.data);
      ByteBuf buf = Unpooled.wrappedBuffer(bytes);
      ch.writeAndFlush(udp ? new DatagramPacket(buf, target) : buf);
      armTimeout(m);
    }

    void armTimeout(Message m) {
      if (timeout != null) timeout.cancel(false);
      timeout = loop.schedule(() -> {
        if (inFlight != m || closed) return;
        counters.error(TIMEOUT);
        if (config.mode() == Mode.TCP_PER_MESSAGE && channel != null) {
          channel.close(); // its close handler resends
          return;
        }
        if (config.mode() == Mode.TCP && channel != null) {
          // No answer on a live connection: a panel drops it and dials again.
          channel.close();
          return;
        }
        transmit();
      }, config.ackTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    void connect() {
      if (connecting || closed) return;
      connecting = true;
      InetSocketAddress source = new InetSocketAddress(config.sources().get(index % config.sources().size()), 0);
      if (config.mode() == Mode.UDP) {
        Bootstrap b = new Bootstrap().group(loop).channel(transport.datagramChannel())
            .handler(new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new DatagramHandler());
              }
            });
        b.bind(source).addListener((ChannelFuture f) -> connected(f));
        return;
      }
      Bootstrap b = new Bootstrap().group(loop)
          .channel(transport.nativeEpoll() ? EpollSocketChannel.class : NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
          .handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new StreamHandler());
            }
          });
      b.connect(target, source).addListener((ChannelFuture f) -> connected(f));
    }

    void connected(ChannelFuture f) {
      connecting = false;
      if (!f.isSuccess()) {
        counters.error(CONNECT_FAILED);
        retryLater();
        return;
      }
      counters.connections.increment();
      channel = f.channel();
      reconnectDelayMs = 50;
      if (closed) {
        channel.close();
        return;
      }
      if (inFlight != null) {
        write(channel, config.mode() == Mode.UDP);
      } else {
        sendNext();
      }
    }

    void retryLater() {
      if (closed) return;
      int delay = reconnectDelayMs;
      reconnectDelayMs = Math.min(2_000, reconnectDelayMs * 2);
      loop.schedule(() -> {
        if (config.mode() == Mode.TCP) connect();
        else if (inFlight != null) transmit();
        else sendNext();
      }, delay + random.nextInt(50), TimeUnit.MILLISECONDS);
    }

    void channelClosed(Channel ch) {
      if (ch != channel) return;
      channel = null;
      framer = new Dc09StreamFramer(); // a new connection starts a new stream
      if (closed) return;
      if (config.mode() == Mode.TCP) {
        counters.error(CONNECTION_LOST);
        retryLater();
      } else if (config.mode() == Mode.TCP_PER_MESSAGE) {
        if (inFlight != null) retryLater(); // closed before the answer: resend on a new connection
        else sendNext();
      }
    }

    void response(byte[] bytes, Channel ch) {
      Dc09Result r = codec.decode(bytes, keys);
      Message m = inFlight;
      switch (r) {
        case Dc09Result.Rejected x -> {
          counters.error(x.error().kind() == Dc09Error.Kind.CRC ? BAD_CRC : MALFORMED_RESPONSE);
        }
        case Dc09Result.Decoded d -> {
          Dc09Frame f = d.frame();
          switch (f.id()) {
            case ACK -> ack(f, m, ch);
            case NAK -> {
              if (m == null) return;
              counters.nakked.increment();
              // A NAK means "keep it and try again" (with the receiver's time: we stamp afresh anyway).
              if (timeout != null) timeout.cancel(false);
              loop.schedule(() -> {
                if (inFlight != m || closed) return;
                if (channel != null && channel.isActive()) write(channel, config.mode() == Mode.UDP);
                else transmit();
              }, 100, TimeUnit.MILLISECONDS);
            }
            case DUH -> {
              counters.error(DUH);
              if (m != null) { // the receiver will never take it: a panel gives up on this message
                counters.abandoned.increment();
                finish(ch);
              }
            }
            default -> counters.error(MALFORMED_RESPONSE);
          }
        }
      }
    }

    void ack(Dc09Frame f, Message m, Channel ch) {
      if (m == null) {
        counters.lateAcks.increment();
        return;
      }
      if (!config.fixedAck()) {
        boolean matches = f.sequenceNumber() == m.sequence && account.number().equals(f.account())
            && f.encrypted() == (account.key() != null);
        if (!matches) {
          // An answer to an earlier attempt of a message already acknowledged, or a wrong one.
          if (f.sequenceNumber() == previousSequence(m.sequence)) counters.lateAcks.increment();
          else counters.error(ACK_MISMATCH);
          return;
        }
      }
      latency.record(System.nanoTime() - m.sentAt);
      counters.acked.increment();
      if (!m.poll()) listener.acked(account.number(), m.sequence, m.data);
      finish(ch);
    }

    int previousSequence(int s) {
      return s == 1 ? 9999 : s - 1;
    }

    void finish(Channel ch) {
      if (timeout != null) timeout.cancel(false);
      inFlight = null;
      lastActivity = System.nanoTime();
      if (config.mode() == Mode.TCP_PER_MESSAGE) {
        channel = null;
        ch.close();
      }
      if (config.closedLoop() && generating && !closed && queue.isEmpty()) enqueueEvent();
      if (config.mode() != Mode.TCP_PER_MESSAGE || !queue.isEmpty()) sendNext();
    }

    void shutdown() {
      if (timeout != null) timeout.cancel(false);
      if (channel != null) channel.close();
    }

    /** TCP: frames out of the byte stream, then {@link #response}. */
    final class StreamHandler extends ChannelInboundHandlerAdapter {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
          byte[] bytes = new byte[buf.readableBytes()];
          buf.readBytes(bytes);
          framer.feed(bytes, 0, bytes.length, frame -> response(frame, ctx.channel()));
        } finally {
          buf.release();
        }
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        channelClosed(ctx.channel());
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // connection reset by a killed receiver: reconnect, resend
      }
    }

    final class DatagramHandler extends ChannelInboundHandlerAdapter {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket p = (DatagramPacket) msg;
        try {
          byte[] bytes = new byte[p.content().readableBytes()];
          p.content().readBytes(bytes);
          response(bytes, ctx.channel());
        } finally {
          p.release();
        }
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port unreachable and the like: the timeout resends.
      }
    }
  }
}
