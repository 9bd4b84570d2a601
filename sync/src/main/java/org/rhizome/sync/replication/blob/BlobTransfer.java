package org.rhizome.sync.replication.blob;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rhizome.graph.Replica;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.RequestResponse;
import org.rhizome.sync.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachment bytes between peers ({@link BlobProtocol}): answers peers' requests from the
 * workspace's blob store, and fetches, one at a time, the bytes this replica knows of but lacks.
 * Thread-safe.
 */
public final class BlobTransfer {
  private static final Logger log = LoggerFactory.getLogger(BlobTransfer.class);

  /** Missing attachments asked for after one pull; the rest after later pulls. */
  private static final int FETCH_PER_PULL = 100;

  private final Replica workspace;
  private final Host host;
  private final AtomicBoolean fetching = new AtomicBoolean();
  private volatile boolean closed;

  private BlobTransfer(Replica workspace, Host host) {
    this.workspace = workspace;
    this.host = host;
  }

  /** Serves the workspace's attachment bytes on {@code host} (reads on {@code disk}). */
  public static BlobTransfer serve(Host host, Replica workspace, Executor disk) {
    BlobTransfer t = new BlobTransfer(workspace, host);
    RequestResponse.serve(
        host,
        BlobProtocol.ID,
        BlobProtocol.HASH_BYTES,
        request ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return t.answer(request.body());
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                },
                disk));
    return t;
  }

  private byte[] answer(byte[] hash) throws Exception {
    if (hash.length != BlobProtocol.HASH_BYTES) {
      throw new IllegalArgumentException("a blob request is a 32-byte hash");
    }
    Optional<byte[]> data = workspace.blob(HexFormat.of().formatHex(hash));
    if (data.isEmpty() || data.get().length > BlobProtocol.MAX_BLOB_BYTES) {
      return new byte[] {BlobProtocol.NOT_HERE};
    }
    byte[] out = new byte[1 + data.get().length];
    out[0] = BlobProtocol.FOUND;
    System.arraycopy(data.get(), 0, out, 1, data.get().length);
    return out;
  }

  /**
   * Fetches the bytes of attachments this replica knows of but lacks from a peer we just pulled
   * from. Blocking: call on a disk thread. What the peer lacks too is asked again after a later
   * pull.
   */
  public void fetchMissing(PeerId peer) {
    if (closed || !fetching.compareAndSet(false, true)) {
      return;
    }
    try {
      for (String hex : workspace.missingBlobs(FETCH_PER_PULL)) {
        if (closed || !host.connectedPeers().contains(peer)) {
          return;
        }
        byte[] answer;
        try {
          answer =
              RequestResponse.request(
                      host,
                      peer,
                      BlobProtocol.ID,
                      HexFormat.of().parseHex(hex),
                      1 + BlobProtocol.MAX_BLOB_BYTES)
                  .get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
          log.debug("fetching blob {} from {} failed: {}", hex, peer, e.getMessage());
          continue;
        }
        if (answer.length == 0 || answer[0] != BlobProtocol.FOUND) {
          continue;
        }
        byte[] data = Arrays.copyOfRange(answer, 1, answer.length);
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        if (!actual.equals(hex)) {
          log.warn(
              "peer {} answered blob {} with other bytes (hashing to {}): not stored",
              peer,
              hex,
              actual);
          continue;
        }
        workspace.storeBlobAsync(data).get();
        log.info(
            "fetched attachment bytes {} ({} bytes) from {}",
            hex.substring(0, 12),
            data.length,
            peer);
      }
    } catch (Exception e) {
      if (!closed) {
        log.warn("fetching attachments from {} failed", peer, e);
      }
    } finally {
      fetching.set(false);
    }
  }

  public void close() {
    closed = true;
  }
}
