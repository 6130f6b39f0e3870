package org.vigil.arc.receiver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.protocol.dc09.Dc09StreamFramer;

/**
 * One TCP connection: cuts the stream into frames (protocol's {@link Dc09StreamFramer}), hands each
 * to the {@link FrameProcessor} and applies the per-connection limits.
 */
final class TcpFrameHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(TcpFrameHandler.class);

  private final FrameProcessor processor;
  private final ReceiverMetrics metrics;
  private final ReceiverLimits limits;
  private final long connectionId;
  private final Dc09StreamFramer framer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private Peer peer;
  private Channel channel;
  private long windowStart;
  private int framesInWindow;
  private boolean pausedForRate;

  TcpFrameHandler(FrameProcessor processor, ReceiverMetrics metrics, ReceiverLimits limits, long connectionId) {
    this.processor = processor;
    this.metrics = metrics;
    this.limits = limits;
    this.connectionId = connectionId;
    this.framer = new Dc09StreamFramer(limits.maxFrameBytes());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    peer = new Peer("tcp", (InetSocketAddress) channel.remoteAddress(), connectionId);
    metrics.connectionOpened();
    if (metrics.connections() > limits.maxConnections()) {
      metrics.connectionRefused();
      LOG.warn("connection limit {} reached; closing {}", limits.maxConnections(), peer.label());
      ctx.close();
      return;
    }
    LOG.debug("connected {}", peer.label());
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    metrics.connectionClosed();
    LOG.debug("disconnected {} ({} frames, {} bytes discarded)", peer == null ? "?" : peer.label(),
        framer.framesOut(), framer.bytesDiscarded());
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      long now = System.nanoTime();
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      framer.feed(bytes, 0, bytes.length, new Dc09StreamFramer.Sink() {
        @Override
        public void frame(byte[] frame) {
          onFrame(frame, now);
        }

        @Override
        public void discarded(int n, String reason) {
          metrics.discarded(n);
          LOG.debug("{}: {} bytes discarded: {}", peer.label(), n, reason);
        }
      });
    } finally {
      buf.release();
    }
  }

  private void onFrame(byte[] frame, long receivedNanos) {
    int pending = inFlight.incrementAndGet();
    if (pending >= limits.maxInFlightPerConnection() && channel.config().isAutoRead()) {
      // Back-pressure: stop reading this connection until the store has caught up with it.
      channel.config().setAutoRead(false);
      LOG.debug("{}: {} frames in flight; pausing reads", peer.label(), pending);
    }
    long second = receivedNanos / 1_000_000_000L;
    if (second != windowStart) {
      windowStart = second;
      framesInWindow = 0;
    }
    if (++framesInWindow > limits.maxFramesPerSecondPerConnection() && !pausedForRate) {
      pausedForRate = true;
      channel.config().setAutoRead(false);
      LOG.warn("{}: more than {} frames/s; pausing reads for a second", peer.label(),
          limits.maxFramesPerSecondPerConnection());
      channel.eventLoop().schedule(() -> {
        pausedForRate = false;
        windowStart = 0;
        resumeIfBelowLimit();
      }, 1, TimeUnit.SECONDS);
    }
    processor.process(frame, peer, new Responder() {
      @Override
      public void send(byte[] response) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(response));
        answered();
      }

      @Override
      public void noAnswer() {
        answered();
      }
    }, receivedNanos);
  }

  private void answered() {
    int left = inFlight.decrementAndGet();
    if (left < limits.maxInFlightPerConnection() / 2 && !channel.config().isAutoRead()) {
      channel.eventLoop().execute(this::resumeIfBelowLimit);
    }
  }

  private void resumeIfBelowLimit() {
    if (!pausedForRate && inFlight.get() < limits.maxInFlightPerConnection() && channel.isActive())
      channel.config().setAutoRead(true);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (inFlight.get() > 0) return; // silent because it waits for our answers (store down): keep it
      LOG.info("{} idle for {}; closing", peer.label(), limits.idleTimeout());
      metrics.frame("tcp", "idle_timeout");
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets by panels that hang up are routine; anything else is worth a line, never a crash.
    LOG.debug("{}: {}", peer == null ? "?" : peer.label(), cause.toString());
    ctx.close();
  }
}
