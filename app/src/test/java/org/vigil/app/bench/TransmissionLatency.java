package org.vigil.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.vigil.app.transmit.PanelToArc;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.KeyForm;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Input;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.panel.transmit.PanelTransmission;
import org.vigil.panel.transmit.QueuedEvent;
import org.vigil.panel.transmit.TransmitSettings;

/**
 * Detector input to ARC acknowledgement on loopback: the engine step, the fsync of the outbound
 * queue, DC-09 encoding (clear or AES), TCP, the ARC's durable PostgreSQL write and its ACK. One
 * event in flight at a time, as a panel sends them. Prints median, p90, p99 and max.
 *
 * <p>Run: {@code mvn -B -q -pl app -am -Pbench -DskipTests verify -Dlatency.args=1000}
 */
public final class TransmissionLatency {
  static final String KEY = "000102030405060708090A0B0C0D0E0F";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("vigil-latency");
    try (ArcService arc = ArcService.start(ArcConfig.loopback(dir.resolve("arc")))) {
      arc.accounts().create(Account.of("1234"));
      arc.accounts().create(Account.of("5A22").withKey(KEY, KeyForm.HEX));
      arc.reloadAccounts();
      String target = "127.0.0.1:" + arc.dc09Port();
      SiteConfig clear = PanelToArc.site("shop.yaml", "arc.example.net:12000", target);
      SiteConfig aes = PanelToArc.site("shop.yaml", "arc.example.net:12000", target, "account: \"1234\"", "account: \"5A22\"",
          "format: sia_dcs", "format: sia_dcs\n      key: \"" + KEY + "\"");
      System.out.println("| path | events | median | p90 | p99 | max | of which queue fsync (median) |");
      System.out.println("|---|---|---|---|---|---|---|");
      run("TCP, clear SIA-DCS", clear, dir.resolve("q1"), n);
      run("TCP, AES-128 SIA-DCS", aes, dir.resolve("q2"), n);
    }
  }

  static void run(String label, SiteConfig site, Path queue, int n) throws Exception {
    SynchronousQueue<Long> acks = new SynchronousQueue<>();
    org.vigil.panel.transmit.Transmitter.Listener rec = new org.vigil.panel.transmit.Transmitter.Listener() {
      @Override
      public void delivered(QueuedEvent e, String path, Instant at) {
        try {
          acks.put(System.nanoTime());
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }
    };
    try (OutboundQueue q = OutboundQueue.open(queue);
        PanelTransmission panel = PanelTransmission.start(site, q, TransmitSettings.DEFAULT, InstantSource.system(), rec)) {
      int warm = Math.min(500, n);
      long[] total = new long[n];
      long[] durable = new long[n];
      for (int i = -warm; i < n; i++) {
        Input in = (i & 1) == 0 ? new Input.TamperOpen("pir-shop") : new Input.TamperRestored("pir-shop");
        long t0 = System.nanoTime();
        panel.input(in);
        long t1 = System.nanoTime();
        Long acked = acks.poll(30, TimeUnit.SECONDS);
        if (acked == null) throw new IllegalStateException("no ACK within 30 s");
        if (i >= 0) {
          total[i] = acked - t0;
          durable[i] = t1 - t0;
        }
      }
      Arrays.sort(total);
      Arrays.sort(durable);
      System.out.printf("| %s | %d | %s | %s | %s | %s | %s |%n", label, n, ms(total, 0.5), ms(total, 0.9), ms(total, 0.99),
          ms(total, 1.0), ms(durable, 0.5));
    }
  }

  static String ms(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return String.format("%.2f ms", sorted[Math.max(0, i)] / 1e6);
  }

}
