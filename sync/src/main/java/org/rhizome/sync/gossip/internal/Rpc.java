package org.rhizome.sync.gossip.internal;

import java.util.List;

/**
 * One pubsub RPC (specs/pubsub/README.md#the-rpc and gossipsub-v1.0/v1.1 control messages), as
 * plain immutable values. Decoding limits live in {@link RpcCodec}.
 */
record Rpc(List<SubOpts> subscriptions, List<RawMessage> messages, Control control) {
  static final Rpc EMPTY = new Rpc(List.of(), List.of(), Control.EMPTY);

  Rpc {
    subscriptions = List.copyOf(subscriptions);
    messages = List.copyOf(messages);
  }

  boolean isEmpty() {
    return subscriptions.isEmpty() && messages.isEmpty() && control.isEmpty();
  }

  record SubOpts(boolean subscribe, String topic) {}

  record IHave(String topic, List<byte[]> messageIds) {
    IHave {
      messageIds = List.copyOf(messageIds);
    }
  }

  record Prune(String topic, long backoffSeconds) {}

  /** Control messages; {@code idontwant} is gossipsub v1.2's (message ids the peer already has). */
  record Control(
      List<IHave> ihave,
      List<byte[]> iwant,
      List<String> graft,
      List<Prune> prune,
      List<byte[]> idontwant) {
    static final Control EMPTY = new Control(List.of(), List.of(), List.of(), List.of(), List.of());

    Control {
      ihave = List.copyOf(ihave);
      iwant = List.copyOf(iwant);
      graft = List.copyOf(graft);
      prune = List.copyOf(prune);
      idontwant = List.copyOf(idontwant);
    }

    Control(List<IHave> ihave, List<byte[]> iwant, List<String> graft, List<Prune> prune) {
      this(ihave, iwant, graft, prune, List.of());
    }

    boolean isEmpty() {
      return ihave.isEmpty()
          && iwant.isEmpty()
          && graft.isEmpty()
          && prune.isEmpty()
          && idontwant.isEmpty();
    }
  }

  static Rpc control(Control c) {
    return new Rpc(List.of(), List.of(), c);
  }

  static Rpc messages(List<RawMessage> m) {
    return new Rpc(List.of(), m, Control.EMPTY);
  }
}
