package org.rhizome.sync.mdns;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;

/**
 * A Java peer with mDNS on, run by {@link MdnsIT} inside a network namespace. args[0] is the
 * interface address. Prints {@code ready <id>}, {@code discovered <id>}, {@code pinged <id>} lines;
 * exits when stdin closes or after 60 s.
 */
public final class MdnsPeerMain {
  private MdnsPeerMain() {}

  public static void main(String[] args) throws Exception {
    InetAddress nic = InetAddress.getByName(args[0]);
    try (Host host =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/" + args[0] + "/tcp/0"))
                .build())) {
      System.out.println("ready " + host.peerId());
      CountDownLatch done = new CountDownLatch(1);
      try (MdnsService mdns =
          MdnsService.start(
              host.peerId(),
              host::listenAddresses,
              found -> {
                System.out.println("discovered " + found.peer());
                if (!host.connectedPeers().contains(found.peer())) {
                  host.dial(found.addresses().get(0).withPeerId(found.peer()))
                      .thenCompose(host::ping)
                      .thenAccept(rtt -> System.out.println("pinged " + found.peer()));
                }
              },
              nic,
              Duration.ofSeconds(1))) {
        Thread stdin =
            new Thread(
                () -> {
                  try {
                    while (System.in.read() >= 0) {
                      // wait for EOF
                    }
                  } catch (java.io.IOException e) {
                    // treat as EOF
                  }
                  done.countDown();
                });
        stdin.setDaemon(true);
        stdin.start();
        done.await(60, TimeUnit.SECONDS);
      }
    }
  }
}
