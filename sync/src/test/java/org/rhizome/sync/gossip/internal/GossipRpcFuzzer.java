package org.rhizome.sync.gossip.internal;

import org.rhizome.sync.Libp2pException;

/** A GossipSub RPC protobuf from a peer (subscriptions, messages, control): decoded or refused. */
public final class GossipRpcFuzzer {
  private GossipRpcFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      RpcCodec.decode(data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
  }
}
