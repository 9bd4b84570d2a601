package org.rhizome.sync.gossip.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.rhizome.sync.gossip.InvalidMessageException;
import org.rhizome.sync.peer.InvalidKeyException;
import org.rhizome.sync.peer.InvalidPeerIdException;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.peer.PublicKey;

/**
 * StrictSign (specs/pubsub/README.md#message-signing): the author signs {@code "libp2p-pubsub:" ‖
 * protobuf(from, data, seqno, topic)}; every message must carry from, an 8-byte seqno and a
 * signature, and a key (or a from that inlines one) that derives from. Message ids are js-libp2p's
 * default, {@code protobuf(author key) ‖ seqno}.
 */
final class MessageSigner {
  static final byte[] SIGN_PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);
  static final int SEQNO_LENGTH = 8;

  private MessageSigner() {}

  static RawMessage sign(PrivateKey key, String topic, byte[] data, long seqno) {
    byte[] seq = ByteBuffer.allocate(SEQNO_LENGTH).putLong(seqno).array();
    RawMessage unsigned = new RawMessage(key.peerId().toBytes(), data, seq, topic, null, null);
    byte[] signature = key.sign(signedBytes(unsigned));
    return new RawMessage(unsigned.from(), data, seq, topic, signature, key.publicKey().marshal());
  }

  static byte[] signedBytes(RawMessage m) {
    return RpcCodec.encodeMessage(m, false, SIGN_PREFIX);
  }

  /**
   * Checks a received message and returns its author's key.
   *
   * @throws InvalidMessageException with the reason it is refused
   */
  static PublicKey verify(RawMessage m) {
    if (m.from() == null || m.signature() == null || m.seqno() == null) {
      throw new InvalidMessageException("unsigned message (missing from, seqno or signature)");
    }
    if (m.seqno().length != SEQNO_LENGTH) {
      throw new InvalidMessageException("seqno of " + m.seqno().length + " bytes");
    }
    PeerId from;
    try {
      from = PeerId.fromBytes(m.from());
    } catch (InvalidPeerIdException e) {
      throw new InvalidMessageException("bad from: " + e.getMessage());
    }
    PublicKey key;
    try {
      if (m.key() != null) {
        key = PublicKey.unmarshal(m.key());
        if (!from.matches(key)) {
          throw new InvalidMessageException("message key does not derive its from " + from);
        }
      } else {
        key =
            from.extractPublicKey()
                .orElseThrow(() -> new InvalidMessageException("no key for " + from));
      }
    } catch (InvalidKeyException e) {
      throw new InvalidMessageException("bad message key: " + e.getMessage());
    }
    if (!key.verify(signedBytes(m), m.signature())) {
      throw new InvalidMessageException("bad signature from " + from);
    }
    return key;
  }

  static byte[] messageId(PublicKey author, byte[] seqno) {
    byte[] k = author.marshal();
    byte[] id = new byte[k.length + seqno.length];
    System.arraycopy(k, 0, id, 0, k.length);
    System.arraycopy(seqno, 0, id, k.length, seqno.length);
    return id;
  }
}
