package org.rhizome.sync.multistream.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.multistream.NoProtocolException;

/**
 * One side of a multistream-select negotiation as a pure state machine: messages in, messages out,
 * no I/O. The Netty handler and the stream adapter only move bytes. Not thread-safe.
 *
 * <p>Our dialer is not lazy but pipelines: it sends the header and its first proposal together, as
 * js does, then waits for the echo. Our listener never sends its header first (a js dialer does not
 * need it to, and a js listener never does).
 */
public final class Negotiation {
  /** How many proposals a listener answers before deciding the dialer is wasting its time. */
  static final int MAX_PROPOSALS = 32;

  private final boolean dialer;
  private final Iterator<String> proposals;
  private final Predicate<String> supported;
  private final List<String> supportedList;
  private final List<String> outbox = new ArrayList<>();
  private boolean headerSeen;
  private @Nullable String proposed;
  private @Nullable String selected;
  private int proposalsSeen;

  private Negotiation(
      boolean dialer,
      List<String> proposals,
      Predicate<String> supported,
      List<String> supportedList) {
    this.dialer = dialer;
    this.proposals = List.copyOf(proposals).iterator();
    this.supported = supported;
    this.supportedList = supportedList;
  }

  /** A dialer proposing {@code protocols} in order. */
  public static Negotiation dialer(List<String> protocols) {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("nothing to propose");
    }
    Negotiation n = new Negotiation(true, protocols, p -> false, List.of());
    n.outbox.add(MultistreamCodec.PROTOCOL_ID);
    n.proposeNext();
    return n;
  }

  /** A listener accepting what {@code supported} accepts; {@code advertised} answers {@code ls}. */
  public static Negotiation listener(Predicate<String> supported, List<String> advertised) {
    return new Negotiation(false, List.of(), supported, List.copyOf(advertised));
  }

  /** Messages to send now; the list is emptied. */
  public List<String> drainOutbox() {
    List<String> out = List.copyOf(outbox);
    outbox.clear();
    return out;
  }

  /** The agreed protocol, once there is one. */
  public @Nullable String selected() {
    return selected;
  }

  /**
   * Feeds one received message.
   *
   * @throws ProtocolViolationException if the remote breaks the protocol
   * @throws NoProtocolException if the remote refused every proposal
   */
  public void receive(String message) {
    if (selected != null) {
      throw new IllegalStateException("negotiation already finished");
    }
    if (!headerSeen) {
      if (!message.equals(MultistreamCodec.PROTOCOL_ID)) {
        throw new ProtocolViolationException(
            "expected " + MultistreamCodec.PROTOCOL_ID + ", got " + abbreviate(message));
      }
      headerSeen = true;
      if (!dialer) {
        outbox.add(MultistreamCodec.PROTOCOL_ID);
      }
      return;
    }
    if (dialer) {
      receiveAsDialer(message);
    } else {
      receiveAsListener(message);
    }
  }

  private void receiveAsDialer(String message) {
    if (message.equals(proposed)) {
      selected = proposed;
    } else if (message.equals(MultistreamCodec.NOT_AVAILABLE)) {
      proposeNext();
    } else {
      throw new ProtocolViolationException(
          "unexpected answer " + abbreviate(message) + " to " + proposed);
    }
  }

  private void receiveAsListener(String message) {
    if (++proposalsSeen > MAX_PROPOSALS) {
      throw new ProtocolViolationException("more than " + MAX_PROPOSALS + " protocol proposals");
    }
    if (message.equals("ls")) {
      outbox.add(LS_MARKER);
    } else if (!message.isEmpty() && supported.test(message)) {
      selected = message;
      outbox.add(message);
    } else {
      outbox.add(MultistreamCodec.NOT_AVAILABLE);
    }
  }

  /** The protocols answered to {@code ls}. */
  List<String> advertised() {
    return supportedList;
  }

  /** Placeholder in the outbox for the {@code ls} answer, which the writer expands. */
  static final String LS_MARKER = "\0ls";

  private void proposeNext() {
    if (!proposals.hasNext()) {
      throw new NoProtocolException("remote supports none of the proposed protocols");
    }
    proposed = proposals.next();
    outbox.add(proposed);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
