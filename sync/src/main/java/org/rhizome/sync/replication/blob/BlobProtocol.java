package org.rhizome.sync.replication.blob;

/**
 * {@value #ID}: attachment bytes by SHA-256, over one request/response stream. The request is the
 * 32-byte hash; the answer is one status byte ({@link #FOUND} then the bytes, or {@link
 * #NOT_HERE}). The asker checks the hash of what it gets before storing it. Changes carry
 * attachments' metadata and hashes; the bytes move only this way, on demand, after a pull
 * (docs/sync.md).
 */
public final class BlobProtocol {
  public static final String ID = "/rhizome/blob/1.0.0";
  public static final int HASH_BYTES = 32;

  /** Larger attachments are not transferred (their notes still sync; the file shows as missing). */
  public static final int MAX_BLOB_BYTES = 64 << 20;

  public static final byte FOUND = 1;
  public static final byte NOT_HERE = 0;

  private BlobProtocol() {}
}
