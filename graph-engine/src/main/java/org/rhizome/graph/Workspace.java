package org.rhizome.graph;

// Longer than 500 lines on purpose: the facade: every public method is a one-line @Override
// delegating to the package-private part of its role (NoteWrites, NoteReads, Replication...); the
// logic lives there.

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.api.WorkspaceStatus;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.HybridClock;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.markdown.Heading;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.TagCount;
import org.rhizome.graph.query.TextVersionInfo;
import org.rhizome.graph.query.UnlinkedMention;
import org.rhizome.graph.query.UnresolvedLink;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.ChangeLog;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextVersion;
import org.rhizome.graph.trash.RestoredNote;
import org.rhizome.graph.trash.TrashEditor;
import org.rhizome.graph.trash.TrashedNote;

/**
 * One replica of a workspace, open on its SQLite file: the engine's entry point. Callers hold it by
 * the role they need — {@link Replica} (sync), {@link NoteEditing}, {@link NoteReading}, {@link
 * NoteHistory}, {@link NoteTrash}, {@link Attachments}, {@link LocalSettings}, {@link GraphAccess}
 * — and this class only opens, wires and closes the parts that implement them.
 *
 * <p>Threading: thread-safe. Writes go to the single writer thread and return futures ({@code
 * *Async}); the blocking forms wait for them and must not be called on a UI thread. Reads run on
 * the caller's thread with a pooled read-only connection. Change listeners are called on the {@code
 * rhizome-events} thread.
 */
public final class Workspace
    implements Replica,
        NoteEditing,
        NoteReading,
        NoteHistory,
        NoteTrash,
        Attachments,
        LocalSettings,
        GraphAccess,
        NotePrivacy,
        AutoCloseable {
  /**
   * How often, while someone listens, the file is checked for other processes' commits (one cheap
   * pragma).
   */
  public static final long FOREIGN_POLL_MILLIS = 50;

  private final GraphStore store;
  private final ChangeAuthor author;
  private final LongSupplier wallMillis;
  private final ParsedBodies parsedBodies = new ParsedBodies(new MarkdownParser());
  private final ChangeFeed feed = new ChangeFeed();
  private final WorkspaceMembership membership;
  private final Replication replication;
  private final NoteWrites writes;
  private final NoteReads reads;
  private final BodyHistory history;
  private final TrashAccess trash;
  private final AttachmentAccess attachments;
  private final Settings settings;
  private final GraphReads graph;
  private final PrivateNotes privateNotes;
  private final EpochWrapsForJoiners epochWraps;

  /** This device's note and epoch keys, in memory (decisions 0008, 0009). */
  private final org.rhizome.graph.privacy.KeyRing keyRing;

  private Workspace(
      Path file,
      WorkspaceId idIfNew,
      MembershipMode modeIfNew,
      DeviceKey key,
      LongSupplier wallMillis,
      SecureRandom random)
      throws StoreException {
    this.wallMillis = wallMillis;
    GraphStore opened;
    try {
      opened = GraphStore.open(file, idIfNew, modeIfNew, parsedBodies, feed::committed);
    } catch (StoreException e) {
      feed.close();
      throw e;
    }
    this.store = opened;
    HybridClock clock = new HybridClock(wallMillis);
    this.author = new ChangeAuthor(store.workspaceId(), key, clock);
    feed.attach(store, key.actor());
    this.membership = new WorkspaceMembership(this, random, wallMillis);
    this.replication = new Replication(store, author, parsedBodies, wallMillis);
    NoteEditor noteEditor = new NoteEditor(author, random, wallMillis);
    this.writes = new NoteWrites(store, noteEditor, parsedBodies, membership);
    org.rhizome.graph.privacy.KeyRing ring =
        new org.rhizome.graph.privacy.KeyRing(store.workspaceId(), key, random);
    store.useKeys(ring); // private notes (decision 0008)
    replication.openAheadWith(ring);
    this.keyRing = ring;
    this.privateNotes = new PrivateNotes(store, noteEditor, author, parsedBodies, membership, ring);
    feed.listen(privateNotes::onChanges); // a reader's new device gets the keys (decision 0008)
    this.epochWraps = new EpochWrapsForJoiners(store, author, membership); // decision 0009
    this.reads = new NoteReads(store, parsedBodies);
    TrashEditor trashEditor = new TrashEditor(author);
    this.history = new BodyHistory(store, parsedBodies, trashEditor);
    this.trash = new TrashAccess(store, trashEditor, membership);
    this.attachments =
        new AttachmentAccess(store, new AttachmentEditor(author, random, wallMillis));
    this.settings = new Settings(store);
    this.graph = new GraphReads(store);
    clock.observe(store.read(c -> new ChangeLog(c).maxHlc()));
  }

  /**
   * Opens (or creates, with a fresh id) the workspace stored in {@code file}, acting as {@code
   * key}'s device.
   */
  public static Workspace open(Path file, DeviceKey key) throws StoreException {
    SecureRandom random = new SecureRandom();
    return new Workspace(
        file,
        GraphStore.randomWorkspaceId(random),
        MembershipMode.OPEN,
        key,
        System::currentTimeMillis,
        random);
  }

  /**
   * Founds a new members-only workspace in {@code file} (which must not exist yet): its id is
   * derived from this device's key, and its first change is the genesis that makes this device its
   * first member. See {@link WorkspaceMembership}.
   *
   * @throws StoreException if the file exists, or cannot be created
   */
  public static Workspace create(Path file, DeviceKey key, String workspaceName, String memberName)
      throws StoreException {
    if (java.nio.file.Files.exists(file)) {
      throw new StoreException("a workspace already exists at " + file);
    }
    SecureRandom random = new SecureRandom();
    WorkspaceGenesis genesis = WorkspaceGenesis.create(key.actor(), random);
    Workspace ws =
        new Workspace(
            file,
            genesis.workspaceId(),
            MembershipMode.MEMBERS,
            key,
            System::currentTimeMillis,
            random);
    try {
      ws.commit(genesis.ops(workspaceName, memberName));
    } catch (StoreException | RuntimeException e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /**
   * Opens (creating if new) a replica of the members-only workspace {@code id}, for a device that
   * is joining it: it can take changes from peers at once, and write once it has joined ({@link
   * WorkspaceMembership#join}).
   */
  public static Workspace openToJoin(Path file, WorkspaceId id, DeviceKey key)
      throws StoreException {
    SecureRandom random = new SecureRandom();
    Workspace ws =
        new Workspace(file, id, MembershipMode.MEMBERS, key, System::currentTimeMillis, random);
    if (!ws.id().equals(id)) {
      ws.close();
      throw new StoreException(file + " holds workspace " + ws.id() + ", not " + id);
    }
    return ws;
  }

  /**
   * As {@link #open(Path, DeviceKey)}, with the id a new file gets and the wall clock chosen by the
   * caller (tests, joining).
   */
  public static Workspace open(
      Path file, WorkspaceId idIfNew, DeviceKey key, LongSupplier wallMillis)
      throws StoreException {
    return new Workspace(file, idIfNew, MembershipMode.OPEN, key, wallMillis, new SecureRandom());
  }

  /**
   * As {@link #open(Path, WorkspaceId, DeviceKey, LongSupplier)}, choosing the membership mode of a
   * new file (tests).
   */
  public static Workspace open(
      Path file,
      WorkspaceId idIfNew,
      MembershipMode modeIfNew,
      DeviceKey key,
      LongSupplier wallMillis)
      throws StoreException {
    return new Workspace(file, idIfNew, modeIfNew, key, wallMillis, new SecureRandom());
  }

  @Override
  public WorkspaceId id() {
    return store.workspaceId();
  }

  @Override
  public ActorId actor() {
    return author.key().actor();
  }

  @Override
  public Path file() {
    return store.file();
  }

  @Override
  public WorkspaceMembership membership() {
    return membership;
  }

  GraphStore store() {
    return store;
  }

  LongSupplier wallClock() {
    return wallMillis;
  }

  /** The person who alone may change {@code soul}, if it is protected. */
  public static Optional<ActorId> ownerOf(Soul soul) {
    return SystemSouls.ownerOf(soul);
  }

  // ---- the graph below the notes (GraphAccess)

  @Override
  public CompletableFuture<Change> commitAsync(List<Op> ops) {
    return store.write(txn -> author.commit(txn, ops));
  }

  /** As {@link #commitAsync}, with ops that name the change they go in (membership events). */
  CompletableFuture<Change> commitMadeAsync(org.rhizome.graph.store.ChangeAuthor.OpsMaker ops) {
    return store.write(txn -> author.commit(txn, ops));
  }

  @Override
  public Map<String, Value> node(Soul soul) throws StoreException {
    return graph.node(soul);
  }

  @Override
  public WorkspaceStatus status() throws StoreException {
    return graph.status(id(), actor());
  }

  /** The network secrets of the epoch keys this device holds (decision 0009). */
  org.rhizome.graph.membership.NetworkSecrets networkSecrets() throws StoreException {
    return store.read(c -> org.rhizome.graph.store.EpochNetwork.read(c, keyRing));
  }

  @Override
  public String digest() throws StoreException {
    return graph.digest();
  }

  // ---- Replica and LocalSettings: the change feed, the log, blobs

  @Override
  public AutoCloseable subscribe(ChangeListener listener) {
    return feed.subscribe(listener);
  }

  @Override
  public void checkForeignCommits() {
    feed.checkForeignCommits();
  }

  @Override
  public CompletableFuture<List<ApplyResult>> applyRemoteAsync(List<byte[]> encoded) {
    return replication.applyRemoteAsync(encoded);
  }

  @Override
  public List<org.rhizome.graph.api.Refusal> recentRefusals(int limit) throws StoreException {
    return replication.recentRefusals(limit);
  }

  @Override
  public VersionVector versionVector() throws StoreException {
    return replication.versionVector();
  }

  @Override
  public List<StoredChange> changesSince(VersionVector have, long after, int limit)
      throws StoreException {
    return replication.changesSince(have, after, limit);
  }

  @Override
  public CompletableFuture<String> storeBlobAsync(byte[] data) {
    return attachments.storeBlobAsync(data);
  }

  @Override
  public Optional<byte[]> blob(String hexHash) throws StoreException {
    return attachments.blob(hexHash);
  }

  @Override
  public List<String> missingBlobs(int limit) throws StoreException {
    return attachments.missingBlobs(limit);
  }

  @Override
  public Optional<String> localSetting(String key) throws StoreException {
    return settings.localSetting(key);
  }

  @Override
  public CompletableFuture<Void> setLocalSettingAsync(String key, @Nullable String value) {
    return settings.setLocalSettingAsync(key, value);
  }

  // ---- NoteEditing

  @Override
  public CompletableFuture<Soul> createNoteAsync(String title, String body) {
    return writes.createNoteAsync(title, body);
  }

  @Override
  public CompletableFuture<Soul> createNoteAsync(String folder, String title, String body) {
    return writes.createNoteAsync(folder, title, body);
  }

  @Override
  public CompletableFuture<Soul> createProtectedNoteAsync(
      String folder, String title, String body) {
    return writes.createProtectedNoteAsync(folder, title, body);
  }

  // ---- NotePrivacy (decision 0008)

  @Override
  public CompletableFuture<Soul> createPrivateNoteAsync(
      String folder, String title, String body, java.util.Collection<ActorId> readers) {
    return privateNotes.createPrivateNoteAsync(folder, title, body, readers);
  }

  @Override
  public CompletableFuture<Change> shareNoteAsync(
      Soul note, java.util.Collection<ActorId> persons) {
    return privateNotes.shareNoteAsync(note, persons);
  }

  @Override
  public CompletableFuture<Change> unshareNoteAsync(
      Soul note, java.util.Collection<ActorId> persons) {
    return privateNotes.unshareNoteAsync(note, persons);
  }

  @Override
  public CompletableFuture<org.rhizome.graph.api.PrivateAttachment> attachPrivateAsync(
      Soul note, String name, byte[] data, String mime) {
    return privateNotes.attachPrivateAsync(note, name, data, mime);
  }

  @Override
  public List<org.rhizome.graph.api.PrivateAttachment> privateAttachments(Soul note)
      throws StoreException {
    return privateNotes.privateAttachments(note);
  }

  @Override
  public Optional<byte[]> privateAttachmentBytes(Soul note, String name) throws StoreException {
    return privateNotes.privateAttachmentBytes(note, name);
  }

  @Override
  public CompletableFuture<Integer> wrapKeysForNewDevicesAsync() {
    return privateNotes.wrapKeysForNewDevicesAsync();
  }

  @Override
  public CompletableFuture<Boolean> wrapOwedEpochKeysAsync() {
    return epochWraps.wrapOwedKeysAsync();
  }

  @Override
  public boolean isPrivate(Soul note) {
    return privateNotes.isPrivate(note);
  }

  @Override
  public List<ActorId> readersOf(Soul note) throws StoreException {
    return privateNotes.readersOf(note);
  }

  @Override
  public CompletableFuture<List<Soul>> createNotesAsync(List<String[]> titleAndBody) {
    return writes.createNotesAsync(titleAndBody);
  }

  @Override
  public CompletableFuture<List<Soul>> createDraftsAsync(List<NoteDraft> drafts) {
    return writes.createDraftsAsync(drafts);
  }

  @Override
  public CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, String body) {
    return writes.editBodyAsync(soul, body);
  }

  @Override
  public CompletableFuture<Optional<Change>> spliceBodyAsync(Soul soul, List<Splice> splices) {
    return writes.spliceBodyAsync(soul, splices);
  }

  @Override
  public CompletableFuture<VersionedText> openBodyAsync(Soul soul) {
    return writes.openBodyAsync(soul);
  }

  @Override
  public CompletableFuture<Optional<Change>> spliceBodyAsync(
      Soul soul, TextVersion base, List<Splice> splices, long origin) {
    return writes.spliceBodyAsync(soul, base, splices, origin);
  }

  @Override
  public CompletableFuture<Optional<Change>> editBodyAsync(
      Soul soul, VersionedText read, String body) {
    return writes.editBodyAsync(soul, read, body);
  }

  @Override
  public CompletableFuture<List<Change>> renameNoteAsync(Soul soul, String newTitle) {
    return writes.renameNoteAsync(soul, newTitle);
  }

  @Override
  public CompletableFuture<List<Change>> moveNoteAsync(Soul soul, String newFolder) {
    return writes.moveNoteAsync(soul, newFolder);
  }

  @Override
  public CompletableFuture<List<Change>> relocateNoteAsync(
      Soul soul, String newFolder, String newTitle) {
    return writes.relocateNoteAsync(soul, newFolder, newTitle);
  }

  @Override
  public CompletableFuture<Change> deleteNoteAsync(Soul soul) {
    return writes.deleteNoteAsync(soul);
  }

  @Override
  public CompletableFuture<Optional<Change>> toggleTaskAsync(
      Soul soul, int line, java.time.@Nullable LocalDate doneOn) {
    return writes.toggleTaskAsync(soul, line, doneOn);
  }

  @Override
  public CompletableFuture<VersionedText> bodyAtAsync(Soul soul, TextVersion version) {
    return writes.bodyAtAsync(soul, version);
  }

  @Override
  public ParsedNote parseAhead(String body) {
    return writes.parseAhead(body);
  }

  // ---- NoteHistory and NoteTrash

  @Override
  public List<TextVersionInfo> bodyHistory(Soul soul, int limit) throws StoreException {
    return history.bodyHistory(soul, limit);
  }

  @Override
  public String bodyAt(Soul soul, TextVersionInfo version) throws StoreException {
    return history.bodyAt(soul, version);
  }

  @Override
  public List<BodyVersion> bodyVersions(Soul soul, int limit) throws StoreException {
    return history.bodyVersions(soul, limit);
  }

  @Override
  public CompletableFuture<Optional<Change>> restoreBodyAsync(Soul soul, TextVersionInfo version) {
    return history.restoreBodyAsync(soul, version);
  }

  @Override
  public List<TrashedNote> trash(int limit) throws StoreException {
    return trash.trash(limit);
  }

  @Override
  public long trashCount() throws StoreException {
    return trash.trashCount();
  }

  @Override
  public Optional<TrashedNote> findInTrash(String target) throws StoreException {
    return trash.findInTrash(target);
  }

  @Override
  public CompletableFuture<RestoredNote> restoreNoteAsync(Soul soul) {
    return trash.restoreNoteAsync(soul);
  }

  @Override
  public CompletableFuture<Integer> emptyTrashAsync() {
    return trash.emptyTrashAsync();
  }

  // ---- Attachments

  @Override
  public CompletableFuture<List<Soul>> putAttachmentsAsync(List<AttachmentDraft> drafts) {
    return attachments.putAttachmentsAsync(drafts);
  }

  @Override
  public CompletableFuture<Void> deleteAttachmentAsync(Soul soul) {
    return attachments.deleteAttachmentAsync(soul);
  }

  @Override
  public Optional<Attachment> attachment(String path) throws StoreException {
    return attachments.attachment(path);
  }

  @Override
  public Optional<Attachment> resolveAttachment(String sourceFolder, String target)
      throws StoreException {
    return attachments.resolveAttachment(sourceFolder, target);
  }

  @Override
  public Optional<byte[]> attachmentBytes(Attachment attachment) throws StoreException {
    return attachments.attachmentBytes(attachment);
  }

  @Override
  public List<Attachment> attachments(int limit) throws StoreException {
    return attachments.attachments(limit);
  }

  @Override
  public List<Backlink> attachmentBacklinks(Soul attachment, int limit) throws StoreException {
    return attachments.attachmentBacklinks(attachment, limit);
  }

  // ---- NoteReading

  @Override
  public Optional<Note> findNote(Soul soul) throws StoreException {
    return reads.findNote(soul);
  }

  @Override
  public Optional<NoteRef> resolve(String target) throws StoreException {
    return reads.resolve(target);
  }

  @Override
  public List<String> bodies(List<Soul> souls) throws StoreException {
    return reads.bodies(souls);
  }

  @Override
  public Optional<NoteRef> resolveLink(String sourceFolder, String target) throws StoreException {
    return reads.resolveLink(sourceFolder, target);
  }

  @Override
  public LinkDestination linkDestination(String sourceFolder, String target) throws StoreException {
    return reads.linkDestination(sourceFolder, target);
  }

  @Override
  public Map<String, Object> properties(Soul soul) throws StoreException {
    return reads.properties(soul);
  }

  @Override
  public List<Heading> outline(Soul soul) throws StoreException {
    return reads.outline(soul);
  }

  @Override
  public long noteCount() throws StoreException {
    return reads.noteCount();
  }

  @Override
  public List<NoteRef> listNotes(int limit) throws StoreException {
    return reads.listNotes(limit);
  }

  @Override
  public List<NoteName> noteNames(int limit) throws StoreException {
    return reads.noteNames(limit);
  }

  @Override
  public List<NoteRef> notesTagged(String tag, int limit) throws StoreException {
    return reads.notesTagged(tag, limit);
  }

  @Override
  public List<SearchHit> search(String query, int limit) throws StoreException {
    return reads.search(query, limit);
  }

  @Override
  public List<Backlink> backlinks(Soul soul, int limit) throws StoreException {
    return reads.backlinks(soul, limit);
  }

  @Override
  public List<UnlinkedMention> unlinkedMentions(Soul soul, int limit) throws StoreException {
    return reads.unlinkedMentions(soul, limit);
  }

  @Override
  public List<OutgoingLink> outgoingLinks(Soul soul) throws StoreException {
    return reads.outgoingLinks(soul);
  }

  @Override
  public List<UnresolvedLink> unresolvedLinks(int limit) throws StoreException {
    return reads.unresolvedLinks(limit);
  }

  @Override
  public List<TagCount> tags() throws StoreException {
    return reads.tags();
  }

  @Override
  public GraphView neighbourhood(Soul soul, int depth, int maxNodes) throws StoreException {
    return reads.neighbourhood(soul, depth, maxNodes);
  }

  @Override
  public GraphView wholeGraph(int maxNodes) throws StoreException {
    return reads.wholeGraph(maxNodes);
  }

  @Override
  public QueryResult query(String text) throws StoreException, QueryException {
    return reads.query(text);
  }

  /** Waits for queued writes, then closes the store and the engine's threads. */
  @Override
  public void close() {
    feed.stopWatching();
    store.close();
    replication.close();
    feed.close();
  }
}
