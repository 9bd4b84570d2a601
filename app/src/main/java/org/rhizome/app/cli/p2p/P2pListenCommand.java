package org.rhizome.app.cli.p2p;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.PeerListener;
import org.rhizome.sync.mdns.MdnsService;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome p2p listen}: starts a peer, prints its id and addresses, then one JSON line per
 * event until stopped (Ctrl-C) or {@code --duration} ends.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Run a peer and print one JSON line per event (listening, connect, identify, disconnect,",
      "subscription, message) until stopped. Messages on --topic are accepted, printed and relayed."
    })
final class P2pListenCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HostOptions host;

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      description = "Address to listen on (repeatable). Default: /ip4/0.0.0.0/tcp/0.")
  private List<String> listen = new ArrayList<>();

  @Option(
      names = "--topic",
      paramLabel = "T",
      description = "GossipSub topic to join (repeatable).")
  private List<String> topics = new ArrayList<>();

  @Option(
      names = "--dial",
      paramLabel = "MULTIADDR",
      description = "Peer to connect to at start (repeatable).")
  private List<String> dial = new ArrayList<>();

  @Option(
      names = "--mdns",
      description =
          "Discover (and connect to) peers on the local network with mDNS (off by default).")
  private boolean mdns;

  @Option(
      names = "--mdns-interface",
      paramLabel = "IPV4",
      description =
          "The address of the one interface mDNS may use (required with --mdns; multicast goes nowhere else).")
  private @Nullable String mdnsInterface;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: run until stopped).")
  private long duration;

  @Override
  public Integer call() throws Exception {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    List<Multiaddr> addrs = new ArrayList<>();
    for (String a : listen.isEmpty() ? List.of("/ip4/0.0.0.0/tcp/0") : listen) {
      addrs.add(Multiaddr.parse(a));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Host h = host.start(addrs)) {
      Thread hook = new Thread(stopped::countDown, "rhizome-p2p-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.print(
          ordered(
              "event",
              "listening",
              "peer",
              h.peerId().toBase58(),
              "addrs",
              h.listenAddresses().stream().map(Multiaddr::toString).toList()));
      h.addPeerListener(
          new PeerListener() {
            @Override
            public void onConnected(PeerId peer, Multiaddr address, Direction direction) {
              out.print(
                  ordered(
                      "event",
                      "connect",
                      "peer",
                      peer.toBase58(),
                      "addr",
                      address.toString(),
                      "direction",
                      direction.name().toLowerCase(java.util.Locale.ROOT)));
            }

            @Override
            public void onIdentified(PeerId peer, IdentifyInfo info) {
              out.print(
                  ordered(
                      "event",
                      "identify",
                      "peer",
                      peer.toBase58(),
                      "agent",
                      info.agentVersion(),
                      "protocols",
                      info.protocols()));
            }

            @Override
            public void onDisconnected(PeerId peer) {
              out.print(ordered("event", "disconnect", "peer", peer.toBase58()));
            }
          });
      h.pubsub()
          .addSubscriptionListener(
              (peer, topic, subscribed) ->
                  out.print(
                      ordered(
                          "event",
                          "subscription",
                          "peer",
                          peer.toBase58(),
                          "topic",
                          topic,
                          "subscribed",
                          subscribed)));
      for (String t : topics) {
        h.pubsub().subscribe(t, MessageValidator.acceptAll(), m -> out.print(message(m)));
      }
      MdnsService discovery = null;
      if (mdns) {
        if (mdnsInterface == null) {
          throw new ParameterException(
              spec.commandLine(),
              "--mdns needs --mdns-interface IPV4 (the interface to discover on)");
        }
        java.util.Set<MdnsService.DiscoveredPeer> seen =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
        discovery =
            MdnsService.start(
                h.peerId(),
                h::listenAddresses,
                found -> {
                  if (seen.add(found)) {
                    out.print(
                        ordered(
                            "event",
                            "discovery",
                            "peer",
                            found.peer().toBase58(),
                            "addrs",
                            found.addresses().stream().map(Multiaddr::toString).toList()));
                  }
                  if (!h.connectedPeers().contains(found.peer())) {
                    h.dial(found.addresses().get(0).withPeerId(found.peer()));
                  }
                },
                InetAddress.getByName(mdnsInterface),
                Duration.ofSeconds(10));
      }
      for (String d : dial) {
        h.dial(Multiaddr.parse(d))
            .whenComplete(
                (peer, e) -> {
                  if (e != null) {
                    out.print(
                        ordered(
                            "event",
                            "dial-failed",
                            "addr",
                            d,
                            "error",
                            String.valueOf(e.getMessage())));
                  }
                });
      }
      if (duration > 0) {
        stopped.await(duration, TimeUnit.SECONDS);
      } else {
        stopped.await();
      }
      if (discovery != null) {
        discovery.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already stopping: the hook has run.
      }
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> message(GossipMessage m) {
    return ordered(
        "event",
        "message",
        "topic",
        m.topic(),
        "from",
        m.author().toBase58(),
        "via",
        m.receivedFrom().toBase58(),
        "data",
        new String(m.data(), StandardCharsets.UTF_8),
        "size",
        m.data().length);
  }

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
