package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.query.Backlink;

/**
 * Files kept beside the notes (images, PDFs): their nodes in the graph and their bytes in the blob
 * store.
 */
public interface Attachments {
  /**
   * Stores files as attachments, in one transaction: each draft's bytes go to the blob store (once
   * per content) and its node (folder, name, size, SHA-256, mime) to the graph. A draft at the path
   * of a live attachment replaces its content; the same bytes again change nothing.
   *
   * @throws IllegalArgumentException (through the future) for a file over the blob store's limit
   */
  CompletableFuture<List<Soul>> putAttachmentsAsync(List<AttachmentDraft> drafts);

  default Soul putAttachment(String folder, String name, byte[] data)
      throws StoreException, NoteException {
    return Futures.awaitNote(
            putAttachmentsAsync(
                List.of(new AttachmentDraft(folder, name, data, AttachmentFields.mimeOf(name)))))
        .get(0);
  }

  CompletableFuture<Void> deleteAttachmentAsync(Soul soul);

  /** The live attachment at a path such as {@code "Assets/photo.png"} (compared ignoring case). */
  Optional<Attachment> attachment(String path) throws StoreException;

  /**
   * The attachment that {@code ![[target]]} in a note of {@code sourceFolder} embeds (Obsidian's
   * rules, by file name).
   */
  Optional<Attachment> resolveAttachment(String sourceFolder, String target) throws StoreException;

  /** The bytes of an attachment, if this replica has them (sync may not have fetched them yet). */
  Optional<byte[]> attachmentBytes(Attachment attachment) throws StoreException;

  /**
   * The bytes of the attachment at {@code path}, for a reading view: empty when there is none or
   * its bytes are missing.
   */
  default Optional<byte[]> attachmentBytes(String path) throws StoreException {
    Optional<Attachment> a = attachment(path);
    return a.isEmpty() ? Optional.empty() : attachmentBytes(a.get());
  }

  List<Attachment> attachments(int limit) throws StoreException;

  /**
   * The links from live notes that reach an attachment, with their lines (at most {@code limit}).
   */
  List<Backlink> attachmentBacklinks(Soul attachment, int limit) throws StoreException;
}
