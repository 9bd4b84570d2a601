package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.query.AttachmentQueries;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.store.BlobStore;
import org.rhizome.graph.store.GraphStore;

/**
 * {@link Attachments}, and the blob transfer {@link Replica} offers sync: nodes through the editor,
 * bytes in the blob store.
 */
final class AttachmentAccess implements Attachments {
  private final GraphStore store;
  private final AttachmentEditor attachments;

  AttachmentAccess(GraphStore store, AttachmentEditor attachments) {
    this.store = store;
    this.attachments = attachments;
  }

  @Override
  public CompletableFuture<List<Soul>> putAttachmentsAsync(List<AttachmentDraft> drafts) {
    List<AttachmentDraft> batch = List.copyOf(drafts);
    return store.write(txn -> attachments.put(txn, batch));
  }

  @Override
  public CompletableFuture<Void> deleteAttachmentAsync(Soul soul) {
    return store.write(
        txn -> {
          attachments.delete(txn, soul);
          return null;
        });
  }

  @Override
  public Optional<Attachment> attachment(String path) throws StoreException {
    return store.read(c -> AttachmentQueries.byPath(c, path));
  }

  @Override
  public Optional<Attachment> resolveAttachment(String sourceFolder, String target)
      throws StoreException {
    return store.read(c -> AttachmentQueries.resolve(c, sourceFolder, target));
  }

  @Override
  public Optional<byte[]> attachmentBytes(Attachment attachment) throws StoreException {
    return blob(attachment.hash());
  }

  @Override
  public List<Attachment> attachments(int limit) throws StoreException {
    return store.read(c -> AttachmentQueries.list(c, limit));
  }

  @Override
  public List<Backlink> attachmentBacklinks(Soul attachment, int limit) throws StoreException {
    return store.read(c -> NoteQueries.attachmentBacklinks(c, attachment, limit));
  }

  CompletableFuture<String> storeBlobAsync(byte[] data) {
    return store.write(txn -> BlobStore.put(txn, data));
  }

  Optional<byte[]> blob(String hexHash) throws StoreException {
    return store.read(c -> BlobStore.get(c, hexHash));
  }

  List<String> missingBlobs(int limit) throws StoreException {
    return store.read(c -> BlobStore.missing(c, limit));
  }
}
