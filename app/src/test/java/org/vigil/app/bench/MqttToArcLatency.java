package org.vigil.app.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.vigil.app.demo.Demo;
import org.vigil.arc.receiver.StoredSignal;
import org.vigil.panel.mqtt.DeviceBinding;

/**
 * Panel end to end: a Zigbee2MQTT detector message published to the embedded MQTT broker, to the
 * ARC's acknowledgement of the resulting alarm signal, everything real and on loopback: Moquette,
 * the panel's MQTT device adapter, the panel service (engine step, state snapshot and event log
 * fsync), the outbound queue (fsync), the DC-09 transmitter (AES-128, the bank example's primary
 * path), the ARC's receiver, its PostgreSQL commit (fsync) and its ACK. The whole of {@code vigil
 * demo}, ARC console and handling engine included, runs in this process.
 *
 * <p>The clock stops when the ARC hands the ACK to the socket (its after-commit callback, which
 * publishes the stored signal right after writing the ACK); the panel reading the ACK adds one
 * loopback hop. One message in flight at a time, alternating the detector's tamper contact open
 * and closed (each is one signal). Prints median, p90, p99, p99.9 and max.
 *
 * <p>Run: {@code mvn -B -q -pl app -am -Pbench -DskipTests verify -Dlatency.main=MqttToArcLatency -Dlatency.args=1000}
 */
public final class MqttToArcLatency {
  static final String DEVICE = "pir-hall";
  /** The device's zone as the Contact ID event carries it (tamper open: 1 383, restore: 3 383). */
  static final String ZONE = "004";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(200, n);
    Path dir = Files.createTempDirectory("vigil-mqtt-latency");
    try (Demo demo = Demo.start(new Demo.Options(dir, 0, 0, 0, "bench password 1"))) {
      LinkedBlockingQueue<Long> stored = new LinkedBlockingQueue<>();
      if (System.getenv("PROBE") != null) demo.arc().subscribe(s -> System.out.println("stored: " + s.origin() + " " + s.events()));
      demo.arc().subscribe(s -> {
        if (s.origin() == StoredSignal.Origin.PANEL
            && s.events().stream().anyMatch(e -> e.meaning().contains("tamper") && ZONE.equals(e.zone())))
          stored.add(System.nanoTime());
      });
      DeviceBinding device = demo.devices().mapping().forDevice(DEVICE).orElseThrow();
      URIParts broker = URIParts.of(demo.mqttUrl());
      Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("vigil-latency-bench").serverHost(broker.host())
          .serverPort(broker.port()).buildBlocking();
      client.connect();
      try {
        long[] total = new long[n];
        for (int i = -warm; i < n; i++) {
          boolean open = ((i + warm) & 1) == 0;
          String json = "{\"occupancy\":false,\"tamper\":" + open + ",\"battery_low\":false,\"linkquality\":120}";
          stored.clear();
          long t0 = System.nanoTime();
          client.publishWith().topic(device.topic()).payload(json.getBytes(StandardCharsets.UTF_8))
              .qos(MqttQos.AT_MOST_ONCE).send();
          Long acked = stored.poll(30, TimeUnit.SECONDS);
          if (acked == null) throw new IllegalStateException("no ACKed tamper signal within 30 s (message " + i + ")");
          if (i >= 0) total[i] = acked - t0;
        }
        Arrays.sort(total);
        System.out.printf("MQTT detector message -> ARC ACK (after commit), %d messages after %d warm-up, one in flight%n", n, warm);
        System.out.println("| messages | median | p90 | p99 | p99.9 | max |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| %d | %s | %s | %s | %s | %s |%n", n, TransmissionLatency.ms(total, 0.5),
            TransmissionLatency.ms(total, 0.9), TransmissionLatency.ms(total, 0.99), TransmissionLatency.ms(total, 0.999),
            TransmissionLatency.ms(total, 1.0));
      } finally {
        client.disconnect();
      }
    }
  }

  /** Host and port of {@code tcp://host:port}. */
  record URIParts(String host, int port) {
    static URIParts of(String url) {
      java.net.URI u = java.net.URI.create(url);
      return new URIParts(u.getHost(), u.getPort());
    }
  }
}
