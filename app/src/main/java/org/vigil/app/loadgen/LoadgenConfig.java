package org.vigil.app.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One load run.
 *
 * @param target the receiver
 * @param accounts the simulated panels, one each
 * @param mode TCP persistent, TCP per message, or UDP
 * @param eventsPerSecond alarm events per second over all panels; 0 = as fast as the receiver answers
 *     (each panel sends its next event as soon as the previous one is acknowledged)
 * @param pollInterval NULL (link test) interval per panel while it has nothing else to send; zero = no polls
 * @param duration how long new events are generated
 * @param drain after {@code duration}, how long to wait for outstanding frames to be acknowledged
 * @param ackTimeout a frame unanswered this long is sent again (DC-09 panels wait about 10 s... we default lower)
 * @param sources local addresses to spread connections over (127.0.0.x: each has its own port range)
 * @param fixedAck the target is the bare baseline responder: its fixed ACK is accepted after the CRC
 *     check, sequence and account are not compared
 * @param threads client event loops (0 = number of cores)
 * @param seed seeds the phase of each panel's schedule, so two runs send the same pattern
 */
public record LoadgenConfig(
    InetSocketAddress target,
    List<SimulatedAccount> accounts,
    Mode mode,
    double eventsPerSecond,
    Duration pollInterval,
    Duration duration,
    Duration drain,
    Duration ackTimeout,
    List<InetAddress> sources,
    boolean fixedAck,
    int threads,
    long seed) {

  public LoadgenConfig {
    if (accounts.isEmpty()) throw new IllegalArgumentException("at least one panel is needed");
    if (eventsPerSecond < 0) throw new IllegalArgumentException("event rate must not be negative");
    accounts = List.copyOf(accounts);
    sources = List.copyOf(sources);
  }

  public boolean closedLoop() {
    return eventsPerSecond == 0;
  }
}
