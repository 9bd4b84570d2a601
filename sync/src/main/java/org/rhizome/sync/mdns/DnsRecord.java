package org.rhizome.sync.mdns;

import java.util.List;

/**
 * A DNS resource record as mDNS discovery uses it (RFC 1035 §3.2, RFC 6762). Only the fields we
 * read are decoded: a PTR's target, a TXT's strings; other types keep an empty body.
 */
record DnsRecord(
    String name, int type, int dnsClass, long ttl, String target, List<byte[]> strings) {
  static final int TYPE_A = 1;
  static final int TYPE_PTR = 12;
  static final int TYPE_TXT = 16;
  static final int TYPE_AAAA = 28;
  static final int TYPE_SRV = 33;
  static final int CLASS_IN = 1;

  DnsRecord {
    strings = List.copyOf(strings);
  }

  static DnsRecord ptr(String name, String target, long ttl) {
    return new DnsRecord(name, TYPE_PTR, CLASS_IN, ttl, target, List.of());
  }

  static DnsRecord txt(String name, List<byte[]> strings, long ttl) {
    return new DnsRecord(name, TYPE_TXT, CLASS_IN, ttl, "", strings);
  }
}
