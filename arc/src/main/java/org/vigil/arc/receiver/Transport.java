package org.vigil.arc.receiver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Netty's native epoll transport when the platform has it, NIO otherwise. */
public record Transport(String name, boolean nativeEpoll) {

  public static Transport best() {
    return Epoll.isAvailable() ? new Transport("epoll", true) : new Transport("nio", false);
  }

  public static Transport nio() {
    return new Transport("nio", false);
  }

  public EventLoopGroup group(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, nativeEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  public Class<? extends ServerSocketChannel> serverChannel() {
    return nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return nativeEpoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }
}
