package org.rhizome.sync.mdns;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS wire format (RFC 1035 §4) for mDNS: names are written uncompressed and read with compression
 * pointers, each pointer jumping strictly backwards (so no loops), counts, lengths and names
 * bounded.
 */
final class DnsCodec {
  static final int MAX_MESSAGE = 9000;
  static final int MAX_RECORDS = 256;
  private static final int MAX_NAME = 255;
  private static final int MAX_LABEL = 63;

  private DnsCodec() {}

  static void encode(DnsMessage m, ByteBuf out) {
    out.writeShort(m.id());
    out.writeShort(m.flags());
    out.writeShort(m.questions().size());
    out.writeShort(m.answers().size());
    out.writeShort(m.authorities().size());
    out.writeShort(m.additionals().size());
    for (DnsMessage.Question q : m.questions()) {
      writeName(out, q.name());
      out.writeShort(q.type());
      out.writeShort(q.dnsClass());
    }
    for (List<DnsRecord> section : List.of(m.answers(), m.authorities(), m.additionals())) {
      for (DnsRecord r : section) {
        writeName(out, r.name());
        out.writeShort(r.type());
        out.writeShort(r.dnsClass());
        out.writeInt((int) r.ttl());
        int lengthAt = out.writerIndex();
        out.writeShort(0);
        int start = out.writerIndex();
        if (r.type() == DnsRecord.TYPE_PTR) {
          writeName(out, r.target());
        } else if (r.type() == DnsRecord.TYPE_TXT) {
          for (byte[] s : r.strings()) {
            if (s.length > 255) {
              throw new IllegalArgumentException("TXT string over 255 bytes");
            }
            out.writeByte(s.length);
            out.writeBytes(s);
          }
        }
        out.setShort(lengthAt, out.writerIndex() - start);
      }
    }
    if (out.readableBytes() > MAX_MESSAGE) {
      throw new IllegalArgumentException("DNS message of " + out.readableBytes() + " bytes");
    }
  }

  private static void writeName(ByteBuf out, String name) {
    for (String label : name.split("\\.")) {
      if (label.isEmpty()) {
        continue;
      }
      byte[] b = label.getBytes(StandardCharsets.UTF_8);
      if (b.length > MAX_LABEL) {
        throw new IllegalArgumentException("DNS label over 63 bytes");
      }
      out.writeByte(b.length);
      out.writeBytes(b);
    }
    out.writeByte(0);
  }

  /**
   * @throws MalformedDnsException if the datagram is not a DNS message within our limits
   */
  static DnsMessage decode(ByteBuf in) {
    if (in.readableBytes() > MAX_MESSAGE) {
      throw new MalformedDnsException("DNS message of " + in.readableBytes() + " bytes");
    }
    if (in.readableBytes() < 12) {
      throw new MalformedDnsException("DNS message shorter than its header");
    }
    int base = in.readerIndex();
    int id = in.readUnsignedShort();
    int flags = in.readUnsignedShort();
    int qd = in.readUnsignedShort();
    int an = in.readUnsignedShort();
    int ns = in.readUnsignedShort();
    int ar = in.readUnsignedShort();
    if (qd + an + ns + ar > MAX_RECORDS) {
      throw new MalformedDnsException("DNS message with " + (qd + an + ns + ar) + " entries");
    }
    List<DnsMessage.Question> questions = new ArrayList<>();
    for (int i = 0; i < qd; i++) {
      String name = readName(in, base);
      need(in, 4);
      questions.add(
          new DnsMessage.Question(name, in.readUnsignedShort(), in.readUnsignedShort() & 0x7FFF));
    }
    return new DnsMessage(
        id,
        flags,
        questions,
        readRecords(in, base, an),
        readRecords(in, base, ns),
        readRecords(in, base, ar));
  }

  private static List<DnsRecord> readRecords(ByteBuf in, int base, int count) {
    List<DnsRecord> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = readName(in, base);
      need(in, 10);
      int type = in.readUnsignedShort();
      int dnsClass = in.readUnsignedShort() & 0x7FFF;
      long ttl = in.readUnsignedInt();
      int length = in.readUnsignedShort();
      need(in, length);
      int end = in.readerIndex() + length;
      String target = "";
      List<byte[]> strings = new ArrayList<>();
      if (type == DnsRecord.TYPE_PTR) {
        target = readName(in, base);
        if (in.readerIndex() != end) {
          throw new MalformedDnsException("PTR data length mismatch");
        }
      } else if (type == DnsRecord.TYPE_TXT) {
        while (in.readerIndex() < end) {
          int n = in.readUnsignedByte();
          if (in.readerIndex() + n > end) {
            throw new MalformedDnsException("TXT string runs past its record");
          }
          byte[] s = new byte[n];
          in.readBytes(s);
          strings.add(s);
        }
      }
      in.readerIndex(end);
      out.add(new DnsRecord(name, type, dnsClass, ttl, target, strings));
    }
    return out;
  }

  private static String readName(ByteBuf in, int base) {
    StringBuilder name = new StringBuilder();
    int pos = in.readerIndex();
    int resumeAt = -1;
    int lowestJump = pos;
    while (true) {
      if (pos >= in.writerIndex()) {
        throw new MalformedDnsException("DNS name runs past the message");
      }
      int len = in.getUnsignedByte(pos);
      if ((len & 0xC0) == 0xC0) {
        if (pos + 1 >= in.writerIndex()) {
          throw new MalformedDnsException("truncated DNS name pointer");
        }
        int target = base + (((len & 0x3F) << 8) | in.getUnsignedByte(pos + 1));
        if (target >= lowestJump) {
          throw new MalformedDnsException("DNS name pointer does not point backwards");
        }
        if (resumeAt < 0) {
          resumeAt = pos + 2;
        }
        lowestJump = target;
        pos = target;
        continue;
      }
      if ((len & 0xC0) != 0) {
        throw new MalformedDnsException("reserved DNS label type");
      }
      pos++;
      if (len == 0) {
        break;
      }
      if (pos + len > in.writerIndex()) {
        throw new MalformedDnsException("DNS label runs past the message");
      }
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(in.toString(pos, len, StandardCharsets.UTF_8));
      if (name.length() > MAX_NAME) {
        throw new MalformedDnsException("DNS name over 255 characters");
      }
      pos += len;
    }
    in.readerIndex(resumeAt >= 0 ? resumeAt : pos);
    return name.toString();
  }

  private static void need(ByteBuf in, int n) {
    if (in.readableBytes() < n) {
      throw new MalformedDnsException("truncated DNS message");
    }
  }
}
