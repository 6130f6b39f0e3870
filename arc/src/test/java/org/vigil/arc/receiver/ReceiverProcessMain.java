package org.vigil.arc.receiver;

import java.nio.file.Path;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;

/**
 * The receiver as a process of its own, for the crash test: embedded store in the data folder
 * given as the first argument, account 1234 (timestamp check off, so resends after the restart are
 * judged on content only). Prints {@code DC09_PORT=<port>} when ready.
 */
public final class ReceiverProcessMain {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    ArcService arc = ArcService.start(ArcConfig.loopback(Path.of(args[0])).withAddresses(
        new java.net.InetSocketAddress("127.0.0.1", 0), null));
    if (arc.accounts().find("1234", "", "").isEmpty()) {
      Account a = Account.of("1234");
      arc.accounts().create(new Account(0, a.number(), "", "", "crash test", "", "", null, null, false, false, 40, 20,
          a.quirks(), a.supervision(), 30));
      arc.reloadAccounts();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(arc::close));
    System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    System.out.println("DC09_PORT=" + arc.dc09Port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
