package org.vigil.app.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.vigil.arc.receiver.Transport;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;

/**
 * The bare loopback responder the benchmarks compare against: it answers every frame (every CR
 * byte on TCP, every datagram on UDP) with one fixed, pre-encoded ACK, without parsing, checking,
 * decrypting or storing anything. What it reaches is the limit of the machine, the kernel's
 * loopback and Netty, i.e. the most any receiver could do here.
 */
public final class BaselineServer implements AutoCloseable {
  private static final byte CR = '\r';

  private final EventLoopGroup group;
  private final Channel tcp;
  private final Channel udp;
  private final LongAdder answered;

  /** The one answer: a valid clear ACK (so clients can still check its CRC). */
  static byte[] fixedAck() {
    Dc09Frame ack = Dc09Frame.builder(Dc09Id.ACK).sequence(0).line("0").account("0")
        .timestamp(LocalDateTime.of(2026, 1, 1, 0, 0)).build();
    return Dc09Codec.standard().encode(ack, null);
  }

  private BaselineServer(EventLoopGroup group, Channel tcp, Channel udp, LongAdder answered) {
    this.answered = answered;
    this.group = group;
    this.tcp = tcp;
    this.udp = udp;
  }

  /** Listens on TCP and UDP on the same port ({@code port} 0 = ephemeral for TCP, UDP follows it). */
  public static BaselineServer start(InetSocketAddress address, int threads) throws InterruptedException {
    Transport t = Transport.best();
    EventLoopGroup group = t.group(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    ByteBuf ack = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(fixedAck()).asReadOnly());
    LongAdder answered = new LongAdder();
    try {
      Channel tcp = new ServerBootstrap().group(group).channel(t.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 4096)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new TcpAnswer(ack, answered));
            }
          }).bind(address).sync().channel();
      int port = ((InetSocketAddress) tcp.localAddress()).getPort();
      Channel udp = new Bootstrap().group(group).channel(t.datagramChannel())
          .handler(new UdpAnswer(ack, answered))
          .bind(new InetSocketAddress(address.getAddress(), port)).sync().channel();
      return new BaselineServer(group, tcp, udp, answered);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) tcp.localAddress()).getPort();
  }

  public long answered() {
    return answered.sum();
  }

  @Override
  public void close() {
    tcp.close().syncUninterruptibly();
    udp.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @ChannelHandler.Sharable
  private static final class TcpAnswer extends ChannelInboundHandlerAdapter {
    private final ByteBuf ack;
    private final LongAdder answered;

    TcpAnswer(ByteBuf ack, LongAdder answered) {
      this.ack = ack;
      this.answered = answered;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      int frames = 0;
      try {
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) if (in.getByte(i) == CR) frames++;
      } finally {
        in.release();
      }
      for (int i = 0; i < frames; i++) ctx.write(ack.duplicate());
      if (frames > 0) {
        ctx.flush();
        answered.add(frames);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  @ChannelHandler.Sharable
  private static final class UdpAnswer extends ChannelInboundHandlerAdapter {
    private final ByteBuf ack;
    private final LongAdder answered;

    UdpAnswer(ByteBuf ack, LongAdder answered) {
      this.ack = ack;
      this.answered = answered;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket p = (DatagramPacket) msg;
      InetSocketAddress sender = p.sender();
      p.release();
      ctx.writeAndFlush(new DatagramPacket(ack.duplicate(), sender));
      answered.increment();
    }
  }
}
