package org.rhizome.sync.gossip.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.ProtocolViolationException;

/**
 * Protobuf encoding of {@link Rpc}, written by hand with protobuf-java's coded streams so that the
 * signed form of a message is exactly the canonical one (fields in number order, no unknown
 * fields). Decoding refuses more entries than js-libp2p does (5000 of each kind).
 */
final class RpcCodec {
  static final int MAX_ENTRIES = 5000;
  static final int MAX_TOPIC_LENGTH = 1024;

  /** js-libp2p's limit on IDONTWANT ids per RPC. */
  static final int MAX_IDONTWANT = 512;

  private RpcCodec() {}

  /** The RPC's protobuf, written once into an array of exactly its size. */
  static byte[] encode(Rpc rpc) {
    int size = 0;
    for (Rpc.SubOpts s : rpc.subscriptions()) {
      size += delimited(1, subOptsSize(s));
    }
    for (RawMessage m : rpc.messages()) {
      size += delimited(2, messageSize(m, true));
    }
    int controlSize = rpc.control().isEmpty() ? 0 : controlSize(rpc.control());
    if (!rpc.control().isEmpty()) {
      size += delimited(3, controlSize);
    }
    byte[] out = new byte[size];
    try {
      CodedOutputStream o = CodedOutputStream.newInstance(out);
      for (Rpc.SubOpts s : rpc.subscriptions()) {
        o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(subOptsSize(s));
        o.writeBool(1, s.subscribe());
        o.writeString(2, s.topic());
      }
      for (RawMessage m : rpc.messages()) {
        o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(messageSize(m, true));
        writeMessage(o, m, true);
      }
      if (!rpc.control().isEmpty()) {
        o.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(controlSize);
        writeControl(o, rpc.control());
      }
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The message's protobuf; without signature and key it is the form that gets signed. */
  static byte[] encodeMessage(RawMessage m, boolean withSignature) {
    return encodeMessage(m, withSignature, new byte[0]);
  }

  /** {@code prefix ‖ protobuf(m)} in one array. */
  static byte[] encodeMessage(RawMessage m, boolean withSignature, byte[] prefix) {
    byte[] out = new byte[prefix.length + messageSize(m, withSignature)];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    try {
      CodedOutputStream o =
          CodedOutputStream.newInstance(out, prefix.length, out.length - prefix.length);
      writeMessage(o, m, withSignature);
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static int delimited(int field, int size) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(size)
        + size;
  }

  private static int bytesSize(int field, byte @Nullable [] value) {
    return value == null ? 0 : CodedOutputStream.computeByteArraySize(field, value);
  }

  private static int subOptsSize(Rpc.SubOpts s) {
    return CodedOutputStream.computeBoolSize(1, s.subscribe())
        + CodedOutputStream.computeStringSize(2, s.topic());
  }

  private static int messageSize(RawMessage m, boolean withSignature) {
    int size = bytesSize(1, m.from()) + bytesSize(2, m.data()) + bytesSize(3, m.seqno());
    if (!m.topic().isEmpty()) {
      size += CodedOutputStream.computeStringSize(4, m.topic());
    }
    if (withSignature) {
      size += bytesSize(5, m.signature()) + bytesSize(6, m.key());
    }
    return size;
  }

  private static void writeMessage(CodedOutputStream o, RawMessage m, boolean withSignature)
      throws IOException {
    writeBytes(o, 1, m.from());
    writeBytes(o, 2, m.data());
    writeBytes(o, 3, m.seqno());
    if (!m.topic().isEmpty()) {
      o.writeString(4, m.topic());
    }
    if (withSignature) {
      writeBytes(o, 5, m.signature());
      writeBytes(o, 6, m.key());
    }
  }

  private static void writeBytes(CodedOutputStream o, int field, byte @Nullable [] value)
      throws IOException {
    if (value != null) {
      o.writeByteArray(field, value);
    }
  }

  private static int ihaveSize(Rpc.IHave ih) {
    int size = CodedOutputStream.computeStringSize(1, ih.topic());
    for (byte[] id : ih.messageIds()) {
      size += CodedOutputStream.computeByteArraySize(2, id);
    }
    return size;
  }

  private static int iwantSize(List<byte[]> ids) {
    int size = 0;
    for (byte[] id : ids) {
      size += CodedOutputStream.computeByteArraySize(1, id);
    }
    return size;
  }

  private static int pruneSize(Rpc.Prune p) {
    return CodedOutputStream.computeStringSize(1, p.topic())
        + (p.backoffSeconds() > 0 ? CodedOutputStream.computeUInt64Size(3, p.backoffSeconds()) : 0);
  }

  private static int controlSize(Rpc.Control c) {
    int size = 0;
    for (Rpc.IHave ih : c.ihave()) {
      size += delimited(1, ihaveSize(ih));
    }
    if (!c.iwant().isEmpty()) {
      size += delimited(2, iwantSize(c.iwant()));
    }
    for (String topic : c.graft()) {
      size += delimited(3, CodedOutputStream.computeStringSize(1, topic));
    }
    for (Rpc.Prune p : c.prune()) {
      size += delimited(4, pruneSize(p));
    }
    if (!c.idontwant().isEmpty()) {
      size += delimited(5, iwantSize(c.idontwant()));
    }
    return size;
  }

  private static void writeControl(CodedOutputStream o, Rpc.Control c) throws IOException {
    for (Rpc.IHave ih : c.ihave()) {
      o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(ihaveSize(ih));
      o.writeString(1, ih.topic());
      for (byte[] id : ih.messageIds()) {
        o.writeByteArray(2, id);
      }
    }
    if (!c.iwant().isEmpty()) {
      o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(iwantSize(c.iwant()));
      for (byte[] id : c.iwant()) {
        o.writeByteArray(1, id);
      }
    }
    for (String topic : c.graft()) {
      o.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, topic));
      o.writeString(1, topic);
    }
    for (Rpc.Prune p : c.prune()) {
      o.writeTag(4, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(pruneSize(p));
      o.writeString(1, p.topic());
      if (p.backoffSeconds() > 0) {
        o.writeUInt64(3, p.backoffSeconds());
      }
    }
    if (!c.idontwant().isEmpty()) {
      o.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(iwantSize(c.idontwant()));
      for (byte[] id : c.idontwant()) {
        o.writeByteArray(1, id);
      }
    }
  }

  /**
   * @throws ProtocolViolationException if the bytes are not an RPC or exceed the entry limits
   */
  static Rpc decode(byte[] bytes) {
    List<Rpc.SubOpts> subs = new ArrayList<>();
    List<RawMessage> messages = new ArrayList<>();
    Counter count = new Counter();
    List<Rpc.IHave> ihave = new ArrayList<>();
    List<byte[]> iwant = new ArrayList<>();
    List<String> graft = new ArrayList<>();
    List<Rpc.Prune> prune = new ArrayList<>();
    List<byte[]> idontwant = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.setSizeLimit(Integer.MAX_VALUE);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 10 -> {
            limit(subs.size(), "subscriptions");
            subs.add(decodeSubOpts(in.readByteArray()));
          }
          case 18 -> {
            limit(messages.size(), "messages");
            messages.add(decodeMessage(in.readByteArray()));
          }
          case 26 ->
              decodeControl(in.readByteArray(), ihave, iwant, graft, prune, idontwant, count);
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new ProtocolViolationException("pubsub RPC does not decode: " + e.getMessage());
    }
    return new Rpc(subs, messages, new Rpc.Control(ihave, iwant, graft, prune, idontwant));
  }

  private static final class Counter {
    int ids;
  }

  private static void limit(int size, String what) {
    if (size >= MAX_ENTRIES) {
      throw new ProtocolViolationException("pubsub RPC with more than " + MAX_ENTRIES + " " + what);
    }
  }

  private static String topic(CodedInputStream in) throws IOException {
    String t = in.readStringRequireUtf8();
    if (t.length() > MAX_TOPIC_LENGTH) {
      throw new ProtocolViolationException("topic of " + t.length() + " characters");
    }
    return t;
  }

  private static Rpc.SubOpts decodeSubOpts(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    boolean subscribe = false;
    String topic = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 8 -> subscribe = in.readBool();
        case 18 -> topic = topic(in);
        default -> in.skipField(tag);
      }
    }
    return new Rpc.SubOpts(subscribe, topic);
  }

  static RawMessage decodeMessage(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    byte[] from = null;
    byte[] data = null;
    byte[] seqno = null;
    String topic = "";
    byte[] signature = null;
    byte[] key = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> from = in.readByteArray();
        case 18 -> data = in.readByteArray();
        case 26 -> seqno = in.readByteArray();
        case 34 -> topic = topic(in);
        case 42 -> signature = in.readByteArray();
        case 50 -> key = in.readByteArray();
        default -> in.skipField(tag);
      }
    }
    return new RawMessage(from, data, seqno, topic, signature, key);
  }

  private static void decodeControl(
      byte[] bytes,
      List<Rpc.IHave> ihave,
      List<byte[]> iwant,
      List<String> graft,
      List<Rpc.Prune> prune,
      List<byte[]> idontwant,
      Counter count)
      throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> {
          limit(ihave.size(), "IHAVEs");
          CodedInputStream x = CodedInputStream.newInstance(in.readByteArray());
          String topic = "";
          List<byte[]> ids = new ArrayList<>();
          for (int t = x.readTag(); t != 0; t = x.readTag()) {
            switch (t) {
              case 10 -> topic = topic(x);
              case 18 -> {
                limit(count.ids++, "message ids");
                ids.add(x.readByteArray());
              }
              default -> x.skipField(t);
            }
          }
          ihave.add(new Rpc.IHave(topic, ids));
        }
        case 18 -> {
          CodedInputStream x = CodedInputStream.newInstance(in.readByteArray());
          for (int t = x.readTag(); t != 0; t = x.readTag()) {
            if (t == 10) {
              limit(count.ids++, "message ids");
              iwant.add(x.readByteArray());
            } else {
              x.skipField(t);
            }
          }
        }
        case 26 -> {
          limit(graft.size(), "GRAFTs");
          CodedInputStream x = CodedInputStream.newInstance(in.readByteArray());
          String topic = "";
          for (int t = x.readTag(); t != 0; t = x.readTag()) {
            if (t == 10) {
              topic = topic(x);
            } else {
              x.skipField(t);
            }
          }
          graft.add(topic);
        }
        case 34 -> {
          limit(prune.size(), "PRUNEs");
          CodedInputStream x = CodedInputStream.newInstance(in.readByteArray());
          String topic = "";
          long backoff = 0;
          for (int t = x.readTag(); t != 0; t = x.readTag()) {
            switch (t) {
              case 10 -> topic = topic(x);
              case 24 -> backoff = x.readUInt64();
              default -> x.skipField(t);
            }
          }
          prune.add(new Rpc.Prune(topic, backoff));
        }
        case 42 -> {
          CodedInputStream x = CodedInputStream.newInstance(in.readByteArray());
          for (int t = x.readTag(); t != 0; t = x.readTag()) {
            if (t == 10) {
              if (idontwant.size() >= MAX_IDONTWANT) {
                throw new ProtocolViolationException(
                    "more than " + MAX_IDONTWANT + " IDONTWANT ids");
              }
              idontwant.add(x.readByteArray());
            } else {
              x.skipField(t);
            }
          }
        }
        default -> in.skipField(tag);
      }
    }
  }
}
