package org.rhizome.app.cli.p2p;

import picocli.CommandLine.Command;

/** {@code rhizome p2p …}: check the network the way libp2p tools do. */
@Command(
    name = "p2p",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnose peer-to-peer networking: listen and print events, publish, ping.",
      "Speaks libp2p (TCP, Noise, yamux, GossipSub), so any libp2p peer can take part."
    },
    subcommands = {P2pListenCommand.class, P2pPublishCommand.class, P2pPingCommand.class})
public final class P2pCommand {}
