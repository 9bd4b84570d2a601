package org.rhizome.sync.mdns;

import java.util.List;

/** A DNS message: header id and flags, questions (name, type) and the three record sections. */
record DnsMessage(
    int id,
    int flags,
    List<Question> questions,
    List<DnsRecord> answers,
    List<DnsRecord> authorities,
    List<DnsRecord> additionals) {
  static final int FLAG_RESPONSE = 0x8000;
  static final int FLAG_AUTHORITATIVE = 0x0400;

  DnsMessage {
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
    authorities = List.copyOf(authorities);
    additionals = List.copyOf(additionals);
  }

  record Question(String name, int type, int dnsClass) {}

  boolean isResponse() {
    return (flags & FLAG_RESPONSE) != 0;
  }
}
