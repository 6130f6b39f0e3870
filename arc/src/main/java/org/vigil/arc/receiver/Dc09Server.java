package org.vigil.arc.receiver;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DC-09 listeners: TCP (persistent connections, several frames each) and UDP (one frame per
 * datagram) on the same port number, on Netty's native transport when available.
 */
public final class Dc09Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dc09Server.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel tcp;
  private final Channel udp;
  private final Transport transport;

  private Dc09Server(Transport transport, EventLoopGroup boss, EventLoopGroup workers, Channel tcp, Channel udp) {
    this.transport = transport;
    this.boss = boss;
    this.workers = workers;
    this.tcp = tcp;
    this.udp = udp;
  }

  /**
   * Binds TCP on {@code address} and UDP on the same host and the port TCP got (so port 0 gives
   * one ephemeral port number for both).
   */
  public static Dc09Server start(InetSocketAddress address, FrameProcessor processor, ReceiverMetrics metrics,
      ReceiverLimits limits, Transport transport, int workerThreads) throws InterruptedException {
    EventLoopGroup boss = transport.group(1);
    EventLoopGroup workers = transport.group(workerThreads);
    AtomicLong connectionIds = new AtomicLong();
    try {
      ServerBootstrap sb = new ServerBootstrap()
          .group(boss, workers)
          .channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 4096)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.SO_KEEPALIVE, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline()
                  .addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                  .addLast("flush", new FlushConsolidationHandler(256, true))
                  .addLast("dc09", new TcpFrameHandler(processor, metrics, limits, connectionIds.incrementAndGet()));
            }
          });
      Channel tcp = sb.bind(address).sync().channel();
      int port = ((InetSocketAddress) tcp.localAddress()).getPort();
      Bootstrap ub = new Bootstrap()
          .group(workers)
          .channel(transport.datagramChannel())
          .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
          .handler(new UdpHandler(processor, metrics));
      Channel udp = ub.bind(new InetSocketAddress(address.getAddress(), port)).sync().channel();
      LOG.info("DC-09 receiver listening on tcp+udp {}:{} ({} transport)", address.getHostString(), port, transport.name());
      return new Dc09Server(transport, boss, workers, tcp, udp);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) tcp.localAddress()).getPort();
  }

  public Transport transport() {
    return transport;
  }

  private static final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final FrameProcessor processor;
    private final ReceiverMetrics metrics;

    UdpHandler(FrameProcessor processor, ReceiverMetrics metrics) {
      this.processor = processor;
      this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      long now = System.nanoTime();
      ByteBuf content = packet.content();
      byte[] bytes = new byte[content.readableBytes()];
      content.readBytes(bytes);
      InetSocketAddress sender = packet.sender();
      Channel ch = ctx.channel();
      processor.process(bytes, new Peer("udp", sender, 0), response ->
          ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(response), sender)), now);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("udp: {}", cause.toString());
    }
  }

  @Override
  public void close() {
    tcp.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    udp.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
