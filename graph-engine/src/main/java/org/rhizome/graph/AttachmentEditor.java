package org.rhizome.graph;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.Souls;
import org.rhizome.graph.store.BlobStore;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.store.WriterLookups;

/**
 * Attachment operations as changes: the bytes go to the blob store, the node (folder, name, size,
 * hash, mime) to the graph, in the writer's transaction. Storing the same bytes at the same path
 * again changes nothing.
 */
final class AttachmentEditor {
  private final ChangeAuthor author;
  private final Random random;
  private final LongSupplier wallMillis;

  AttachmentEditor(ChangeAuthor author, Random random, LongSupplier wallMillis) {
    this.author = author;
    this.random = random;
    this.wallMillis = wallMillis;
  }

  List<Soul> put(WriteTxn txn, List<AttachmentDraft> drafts) throws Exception {
    List<Soul> souls = new ArrayList<>(drafts.size());
    for (AttachmentDraft d : drafts) {
      String folder = NoteFolders.check(d.folder());
      String name = AttachmentFields.checkName(d.name());
      String hash = BlobStore.put(txn, d.data());
      Optional<Soul> existing = find(txn, folder, name);
      Soul soul = existing.orElseGet(() -> Souls.newSoul(wallMillis.getAsLong(), random));
      List<Op> ops = new ArrayList<>(6);
      if (existing.isEmpty()) {
        ops.add(
            new Op.SetField(
                soul, AttachmentFields.TYPE, Value.of(AttachmentFields.ATTACHMENT_TYPE)));
        ops.add(new Op.SetField(soul, AttachmentFields.FOLDER, Value.of(folder)));
        ops.add(new Op.SetField(soul, AttachmentFields.NAME, Value.of(name)));
      } else if (hash.equals(hashOf(txn, soul))) {
        souls.add(soul);
        continue;
      }
      ops.add(new Op.SetField(soul, AttachmentFields.SIZE, Value.of((double) d.data().length)));
      ops.add(new Op.SetField(soul, AttachmentFields.HASH, Value.of(hash)));
      ops.add(new Op.SetField(soul, AttachmentFields.MIME, Value.of(d.mime())));
      author.commit(txn, ops);
      souls.add(soul);
    }
    return souls;
  }

  void delete(WriteTxn txn, Soul soul) throws Exception {
    if (!WriterLookups.attachmentLive(txn, soul)) {
      throw new NoSuchNoteException("There is no attachment " + soul + ".");
    }
    author.commit(txn, List.of(new Op.SetField(soul, AttachmentFields.DELETED, Value.of(true))));
  }

  private static Optional<Soul> find(WriteTxn txn, String folder, String name) throws SQLException {
    return WriterLookups.liveAttachmentAt(txn, folder, name);
  }

  private static String hashOf(WriteTxn txn, Soul soul) throws SQLException {
    return WriterLookups.attachmentHash(txn, soul);
  }
}
