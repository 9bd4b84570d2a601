package org.rhizome.sync.gossip;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.ProtocolViolationException;

/**
 * Protobuf encoding of {@link Rpc}, written by hand with protobuf-java's coded streams so that the
 * signed form of a message is exactly the canonical one (fields in number order, no unknown fields).
 * Decoding refuses more entries than js-libp2p does (5000 of each kind).
 */
final class RpcCodec {
    static final int MAX_ENTRIES = 5000;
    static final int MAX_TOPIC_LENGTH = 1024;

    private RpcCodec() {
    }

    static byte[] encode(Rpc rpc) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(bytes);
            for (Rpc.SubOpts s : rpc.subscriptions()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                CodedOutputStream so = CodedOutputStream.newInstance(b);
                so.writeBool(1, s.subscribe());
                so.writeString(2, s.topic());
                so.flush();
                o.writeBytes(1, ByteString.copyFrom(b.toByteArray()));
            }
            for (RawMessage m : rpc.messages()) {
                o.writeBytes(2, ByteString.copyFrom(encodeMessage(m, true)));
            }
            if (!rpc.control().isEmpty()) {
                o.writeBytes(3, ByteString.copyFrom(encodeControl(rpc.control())));
            }
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's protobuf; without signature and key it is the form that gets signed. */
    static byte[] encodeMessage(RawMessage m, boolean withSignature) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.size() + 32);
            CodedOutputStream o = CodedOutputStream.newInstance(bytes);
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
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeBytes(CodedOutputStream o, int field, byte @Nullable [] value) throws IOException {
        if (value != null) {
            o.writeByteArray(field, value);
        }
    }

    private static byte[] encodeControl(Rpc.Control c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(bytes);
        for (Rpc.IHave ih : c.ihave()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CodedOutputStream x = CodedOutputStream.newInstance(b);
            x.writeString(1, ih.topic());
            for (byte[] id : ih.messageIds()) {
                x.writeByteArray(2, id);
            }
            x.flush();
            o.writeBytes(1, ByteString.copyFrom(b.toByteArray()));
        }
        if (!c.iwant().isEmpty()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CodedOutputStream x = CodedOutputStream.newInstance(b);
            for (byte[] id : c.iwant()) {
                x.writeByteArray(1, id);
            }
            x.flush();
            o.writeBytes(2, ByteString.copyFrom(b.toByteArray()));
        }
        for (String topic : c.graft()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CodedOutputStream x = CodedOutputStream.newInstance(b);
            x.writeString(1, topic);
            x.flush();
            o.writeBytes(3, ByteString.copyFrom(b.toByteArray()));
        }
        for (Rpc.Prune p : c.prune()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CodedOutputStream x = CodedOutputStream.newInstance(b);
            x.writeString(1, p.topic());
            if (p.backoffSeconds() > 0) {
                x.writeUInt64(3, p.backoffSeconds());
            }
            x.flush();
            o.writeBytes(4, ByteString.copyFrom(b.toByteArray()));
        }
        o.flush();
        return bytes.toByteArray();
    }

    /** @throws ProtocolViolationException if the bytes are not an RPC or exceed the entry limits */
    static Rpc decode(byte[] bytes) {
        List<Rpc.SubOpts> subs = new ArrayList<>();
        List<RawMessage> messages = new ArrayList<>();
        Counter count = new Counter();
        List<Rpc.IHave> ihave = new ArrayList<>();
        List<byte[]> iwant = new ArrayList<>();
        List<String> graft = new ArrayList<>();
        List<Rpc.Prune> prune = new ArrayList<>();
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
                    case 26 -> decodeControl(in.readByteArray(), ihave, iwant, graft, prune, count);
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new ProtocolViolationException("pubsub RPC does not decode: " + e.getMessage());
        }
        return new Rpc(subs, messages, new Rpc.Control(ihave, iwant, graft, prune));
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

    private static void decodeControl(byte[] bytes, List<Rpc.IHave> ihave, List<byte[]> iwant, List<String> graft, List<Rpc.Prune> prune,
            Counter count) throws IOException {
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
                default -> in.skipField(tag);
            }
        }
    }
}
