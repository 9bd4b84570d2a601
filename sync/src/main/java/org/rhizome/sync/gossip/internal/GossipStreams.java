package org.rhizome.sync.gossip.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.gossip.InvalidMessageException;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PublicKey;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.RateLimitedLog;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.transport.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's streams: one we open to each peer and only write on, and the ones peers open to us,
 * which we only read (a newer one replaces the older). RPCs are read, decoded and signature-checked
 * on the event loop, then handed to the gossip thread; RPCs for a peer whose stream is still
 * opening wait (bounded), and a peer whose backlog is over the limit is skipped. Apart from {@link
 * #inboundHandler} and the stream callbacks, confined to the gossip thread.
 */
final class GossipStreams {
  private static final Logger LOG = LoggerFactory.getLogger(GossipStreams.class);
  private static final RateLimitedLog QUIET =
      new RateLimitedLog(LOG, 10, java.util.concurrent.TimeUnit.SECONDS);

  /**
   * Inbound RPCs a second from one peer: a live edit is one RPC, and an import of 20,000 notes
   * published at once still passes (bench net's 20,000-message burst too); a sustained flood does
   * not.
   */
  static final int MAX_RPCS_PER_SECOND = 2_000;

  static final int MAX_RPCS_BURST = 20_000;

  /** Inbound bytes a second from one peer. */
  static final int MAX_BYTES_PER_SECOND = 32 << 20;

  static final int MAX_BYTES_BURST = 128 << 20;

  /** What the streams need from the router. */
  interface Router {
    /** Runs {@code task} on the gossip thread; callable from any thread. */
    void run(Runnable task);

    boolean isClosed();

    long now();

    Map<PeerId, GossipPeer> peers();

    Set<String> ourTopics();

    void onRpc(GossipPeer from, Rpc rpc, @Nullable PublicKey[] authors);

    /**
     * Whether a received message's claimed id (author key, seqno) is one already seen: its
     * signature need not be checked (gossip thread).
     */
    boolean seenAlready(RawMessage m);

    /** Our stream to {@code peer} is gone: it cannot be in a mesh until we have another. */
    void onOutboundLost(GossipPeer peer);
  }

  private final GossipParams params;
  private final GossipRouter.StreamOpener opener;
  private final Router router;

  GossipStreams(GossipParams params, GossipRouter.StreamOpener opener, Router router) {
    this.params = params;
    this.opener = opener;
    this.router = router;
  }

  void ensureOutbound(GossipPeer p) {
    if (p.outbound != null || p.opening || router.isClosed()) {
      return;
    }
    p.opening = true;
    opener
        .open(
            p.id,
            GossipRouter.PROTOCOLS,
            stream ->
                new StreamHandler() {
                  @Override
                  public void onData(MuxedStream s, ByteBuf data) {
                    // Our stream is write-only; the remote answers on the stream it opens to us.
                  }

                  @Override
                  public void onReset(MuxedStream s) {
                    router.run(
                        () -> {
                          if (p.outbound == s) {
                            p.outbound = null;
                            p.reopenAfter = router.now() + GossipRouter.REOPEN_DELAY_MILLIS;
                            router.onOutboundLost(p);
                          }
                        });
                  }
                })
        .whenComplete(
            (s, e) ->
                router.run(
                    () -> {
                      p.opening = false;
                      if (e != null) {
                        LOG.debug("cannot open gossip stream to {}: {}", p.id, e.toString());
                        p.pending.clear();
                        p.reopenAfter = router.now() + GossipRouter.REOPEN_DELAY_MILLIS;
                        return;
                      }
                      if (router.peers().get(p.id) != p) {
                        s.reset();
                        return;
                      }
                      p.outbound = s;
                      p.protocol = s.protocol();
                      if (!router.ourTopics().isEmpty()) {
                        List<Rpc.SubOpts> subs = new ArrayList<>();
                        for (String t : router.ourTopics()) {
                          subs.add(new Rpc.SubOpts(true, t));
                        }
                        write(p, RpcCodec.encode(new Rpc(subs, List.of(), Rpc.Control.EMPTY)));
                      }
                      while (!p.pending.isEmpty()) {
                        write(p, p.pending.poll());
                      }
                    }));
  }

  StreamHandler inboundHandler(MuxedStream stream) {
    PeerId peer = stream.remotePeer();
    router.run(
        () -> {
          GossipPeer p =
              router
                  .peers()
                  .computeIfAbsent(peer, id -> new GossipPeer(id, params.maxIhaveLength()));
          p.supportsGossip = true;
          MuxedStream previous = p.inbound;
          p.inbound = stream;
          if (previous != null && previous != stream) {
            previous.reset();
          }
          ensureOutbound(p);
        });
    LengthPrefixedFrames frames =
        new LengthPrefixedFrames(PooledByteBufAllocator.DEFAULT, params.maxRpcSize());
    // Per peer (one inbound gossip stream each): RPCs and bytes a second beyond these are dropped
    // unread; what a drop loses, the next catch-up pull brings.
    TokenBucket rpcs = new TokenBucket(MAX_RPCS_PER_SECOND, MAX_RPCS_BURST);
    TokenBucket bytes =
        new TokenBucket(MAX_BYTES_PER_SECOND, Math.max(MAX_BYTES_BURST, params.maxRpcSize()));
    return new StreamHandler() {
      @Override
      public void onData(MuxedStream s, ByteBuf data) {
        try {
          frames.add(
              data,
              frame -> {
                if (rpcs.tryTake(1) & bytes.tryTake(frame.readableBytes())) {
                  receiveFrame(peer, frame);
                } else {
                  QUIET.info(
                      "gossip-rate",
                      "dropping gossip from {}: over {} RPCs or {} bytes a second",
                      peer,
                      MAX_RPCS_PER_SECOND,
                      MAX_BYTES_PER_SECOND);
                }
              });
        } catch (Libp2pException e) {
          QUIET.info(
              "gossip-bad-stream", "closing gossip stream from {}: {}", peer, e.getMessage());
          s.reset();
        }
      }

      @Override
      public void onRemoteClose(MuxedStream s) {
        frames.release();
        s.closeWrite();
      }

      @Override
      public void onReset(MuxedStream s) {
        frames.release();
      }
    };
  }

  /**
   * On the event loop: decode only; the signatures are verified on the gossip thread, so a peer's
   * flood of signed messages costs the event loops no crypto. A message whose id was seen already
   * (the copies mesh peers forward) is dropped before its signature is checked, as js-libp2p and
   * go-libp2p do: it would be dropped as a duplicate after the check anyway.
   */
  private void receiveFrame(PeerId peer, ByteBuf frame) {
    Rpc received = RpcCodec.decode(ByteBufUtil.getBytes(frame));
    router.run(
        () -> {
          Rpc rpc = received;
          if (!rpc.messages().isEmpty()) {
            List<RawMessage> fresh = new ArrayList<>(rpc.messages().size());
            for (RawMessage m : rpc.messages()) {
              if (!router.seenAlready(m)) {
                fresh.add(m);
              }
            }
            if (fresh.size() < rpc.messages().size()) {
              rpc = new Rpc(rpc.subscriptions(), fresh, rpc.control());
            }
          }
          PublicKey[] authors = new PublicKey[rpc.messages().size()];
          for (int i = 0; i < authors.length; i++) {
            try {
              authors[i] = MessageSigner.verify(rpc.messages().get(i));
            } catch (InvalidMessageException e) {
              LOG.debug("invalid message from {}: {}", peer, e.getMessage());
            }
          }
          GossipPeer p = router.peers().get(peer);
          if (p != null) {
            router.onRpc(p, rpc, authors);
          }
        });
  }

  void sendControl(GossipPeer p, Rpc.Control c) {
    send(p, RpcCodec.encode(Rpc.control(c)));
  }

  void sendToAll(Set<GossipPeer> targets, byte[] rpc) {
    for (GossipPeer p : targets) {
      send(p, rpc);
    }
  }

  void send(GossipPeer p, byte[] rpc) {
    if (p.outbound != null) {
      write(p, rpc);
    } else if (p.opening || p.supportsGossip) {
      if (p.pending.size() >= GossipPeer.MAX_PENDING_FRAMES) {
        p.pending.poll();
      }
      p.pending.add(rpc);
      ensureOutbound(p);
    }
  }

  private void write(GossipPeer p, byte[] rpc) {
    MuxedStream s = p.outbound;
    if (s == null) {
      return;
    }
    if (s.queuedBytes() > params.maxQueuedBytesPerPeer()) {
      LOG.debug("dropping RPC to slow peer {}", p.id);
      return;
    }
    s.write(LengthPrefixedFrames.frame(PooledByteBufAllocator.DEFAULT, rpc));
  }
}
