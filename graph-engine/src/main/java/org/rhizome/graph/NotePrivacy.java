package org.rhizome.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.PrivateAttachment;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * Private notes (decision 0008): a note readable only by named persons, its author among them. Its
 * title, body, properties and the links and tags drawn from them travel and rest as sealed ops
 * under a note key wrapped for each reader's device; every other replica stores and relays the
 * ciphertext and shows nothing of the note. Persons are the ids {@link
 * WorkspaceMembership#members()} gives ({@code Member.person()}).
 */
public interface NotePrivacy {
  /**
   * Creates a private note read by this device's person and {@code readers} (persons of this
   * workspace).
   */
  CompletableFuture<Soul> createPrivateNoteAsync(
      String folder, String title, String body, Collection<ActorId> readers);

  /**
   * Lets {@code persons} read a private note of this device's person: every key the note had is
   * wrapped for each of their devices, so they read its whole history.
   */
  CompletableFuture<Change> shareNoteAsync(Soul note, Collection<ActorId> persons);

  /**
   * Stops {@code persons} reading a private note: a new key, wrapped for the remaining readers'
   * devices only, seals what is written from now on.
   */
  CompletableFuture<Change> unshareNoteAsync(Soul note, Collection<ActorId> persons);

  /**
   * Wraps the keys of this device's person's private notes for every device of their readers that
   * has none yet (a device that joined a reader's person after the note was shared), in one change
   * per few hundred wraps. A running device of the owner does this by itself when it learns of such
   * a device (decision 0008, "A reader's new device"); this is for a catch-up by hand.
   *
   * @return how many wraps were written (0: nothing was missing, or this device holds no key)
   */
  CompletableFuture<Integer> wrapKeysForNewDevicesAsync();

  /**
   * Attaches a file to a private note (decision 0008): its bytes are sealed under the note's
   * current key before they are stored, and only the sealed bytes are kept and sent; the note names
   * it in a field its readers alone can read. Any reader who may write the note may attach.
   *
   * @return the attachment as the note now names it
   * @throws org.rhizome.graph.api.NotAllowedException (through the future) when this device does
   *     not read {@code note}
   */
  CompletableFuture<PrivateAttachment> attachPrivateAsync(
      Soul note, String name, byte[] data, String mime);

  /** The files attached to a private note, as this device reads it (empty for a non-reader). */
  List<PrivateAttachment> privateAttachments(Soul note) throws StoreException;

  /**
   * The bytes of a private note's attachment, opened with the note's key; empty while the sealed
   * blob has not arrived (sync fetches it) or when this device does not read the note.
   */
  Optional<byte[]> privateAttachmentBytes(Soul note, String name) throws StoreException;

  /** Whether {@code note} is private (a fact of its soul; no read). */
  boolean isPrivate(Soul note);

  /** The persons who read a private note, its owner first; empty for a note that is not private. */
  List<ActorId> readersOf(Soul note) throws StoreException;

  default Soul createPrivateNote(
      String folder, String title, String body, Collection<ActorId> readers)
      throws StoreException, NoteException {
    return Futures.awaitNote(createPrivateNoteAsync(folder, title, body, readers));
  }

  default Change shareNote(Soul note, Collection<ActorId> persons) throws StoreException {
    return Futures.await(shareNoteAsync(note, persons));
  }

  default Change unshareNote(Soul note, Collection<ActorId> persons) throws StoreException {
    return Futures.await(unshareNoteAsync(note, persons));
  }
}
