package org.rhizome.app.cli.p2p;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome p2p publish}: connects to one peer, publishes one message on a topic, and exits.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Connect to a peer and publish one GossipSub message on a topic it has joined.",
      "Prints one JSON line: the message id and the peers it was sent to."
    })
final class P2pPublishCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HostOptions host;

  @Option(
      names = "--dial",
      required = true,
      paramLabel = "MULTIADDR",
      description = "The peer, e.g. /ip4/192.168.1.5/tcp/4001/p2p/12D3KooW…")
  private String dial;

  @Option(names = "--topic", required = true, paramLabel = "T", description = "The topic.")
  private String topic;

  @Option(
      names = "--message",
      required = true,
      paramLabel = "TEXT",
      description = "The message (UTF-8).")
  private String message;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long to wait for the connection and the peer's subscription (default 10).")
  private long timeout;

  @Override
  public Integer call() throws Exception {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    try (Host h = host.start(List.of())) {
      PeerId peer = h.dial(Multiaddr.parse(dial)).get(timeout, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
      // Flood publishing sends to peers known to be in the topic: wait until the peer has told us.
      while (!h.pubsub().topicPeers(topic).get().contains(peer)) {
        if (System.nanoTime() > deadline) {
          out.print(
              P2pListenCommand.ordered(
                  "event", "error", "error", peer + " has not joined topic " + topic));
          return ExitCodes.NOT_FOUND;
        }
        Thread.sleep(20);
      }
      byte[] id =
          h.pubsub()
              .publish(topic, message.getBytes(StandardCharsets.UTF_8))
              .get(timeout, TimeUnit.SECONDS);
      // Give the connection a moment to flush before it closes.
      h.ping(peer).get(timeout, TimeUnit.SECONDS);
      out.print(
          P2pListenCommand.ordered(
              "event",
              "published",
              "topic",
              topic,
              "id",
              HexFormat.of().formatHex(id),
              "to",
              peer.toBase58()));
    }
    return ExitCodes.OK;
  }
}
