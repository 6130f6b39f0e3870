package org.vigil.app.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

/** Moquette (MQTT 3.1.1) on loopback, in memory: the demo's broker. Any MQTT broker works for {@code vigil panel}. */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;

  private EmbeddedBroker(int port) {
    this.port = port;
  }

  /** Starts on {@code port}; 0 picks a free one. */
  public static EmbeddedBroker start(int port) throws IOException {
    int p = port > 0 ? port : freePort();
    EmbeddedBroker b = new EmbeddedBroker(p);
    Properties props = new Properties();
    props.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    props.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(p));
    props.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
    props.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    props.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    props.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    b.server.startServer(new MemoryConfig(props));
    return b;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
