package org.rhizome.graph;

import org.rhizome.graph.model.VersionVector;

import org.rhizome.graph.model.Value;

import org.rhizome.graph.model.Soul;

import org.rhizome.graph.model.WorkspaceId;

import org.rhizome.graph.model.ActorId;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.ChangeRefusedException;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.RefusalReason;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.clock.HybridClock;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.markdown.Heading;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.note.NoteException;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoSuchNoteException;
import org.rhizome.graph.query.AttachmentQueries;
import org.rhizome.graph.store.BlobStore;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.TitleTakenException;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.graph.query.NameQueries;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.SearchQueries;
import org.rhizome.graph.query.TagCount;
import org.rhizome.graph.query.TextHistoryQueries;
import org.rhizome.graph.query.TextVersionInfo;
import org.rhizome.graph.query.UnlinkedMention;
import org.rhizome.graph.query.UnresolvedLink;
import org.rhizome.graph.query.WholeGraphQueries;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.ChangeLog;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.store.StateDigest;
import org.rhizome.graph.store.StoreException;
import java.util.Map;
import java.util.TreeMap;
import org.rhizome.graph.store.FieldTable;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.store.CorruptDatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of a workspace, open on its SQLite file: the engine's entry point.
 *
 * <p>Threading: thread-safe. Writes go to the single writer thread and return futures
 * ({@code *Async}); the blocking forms wait for them and must not be called on a UI thread. Reads run
 * on the caller's thread with a pooled read-only connection. Change listeners are called on the
 * {@code rhizome-events} thread.
 */
public final class Workspace implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Workspace.class);
  /** A remote clock more than this far ahead of ours is not allowed to drag our clock forward. */
  static final long MAX_CLOCK_SKEW_MILLIS = 24L * 3600 * 1000;

  private final GraphStore store;
  private final ChangeAuthor author;
  private final NoteEditor notes;
  private final AttachmentEditor attachments;
  private final org.rhizome.graph.trash.TrashEditor trash;
  private final LongSupplier wallMillis;
  private final ExecutorService verifiers;
  private final ExecutorService events;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final ParsedBodies parsedBodies = new ParsedBodies(new MarkdownParser());
  /** Completes when the last offered remote batch has been written; guarded by {@code this}. */
  private CompletableFuture<Void> remoteTail = CompletableFuture.completedFuture(null);

  private final WorkspaceMembership membership;
  /** Polls for other processes' commits once someone subscribes; guarded by {@code this}. */
  private java.util.concurrent.@Nullable ScheduledExecutorService foreignWatch;

  private Workspace(Path file, WorkspaceId idIfNew, MembershipMode modeIfNew, DeviceKey key, LongSupplier wallMillis,
                    SecureRandom random) throws StoreException {
    this.wallMillis = wallMillis;
    this.events = Executors.newSingleThreadExecutor(named("rhizome-events", true));
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.verifiers = Executors.newFixedThreadPool(cores, named("rhizome-verify-%d", true));
    GraphStore opened;
    try {
      opened = GraphStore.open(file, idIfNew, modeIfNew, parsedBodies,
          (org.rhizome.graph.store.CommitListener) (changes, texts, other) -> committed(changes, texts, other));
    } catch (StoreException e) {
      events.shutdown();
      verifiers.shutdown();
      throw e;
    }
    this.store = opened;
    HybridClock clock = new HybridClock(wallMillis);
    this.author = new ChangeAuthor(store.workspaceId(), key, clock);
    this.notes = new NoteEditor(author, random, wallMillis);
    this.attachments = new AttachmentEditor(author, random, wallMillis);
    this.trash = new org.rhizome.graph.trash.TrashEditor(author);
    this.membership = new WorkspaceMembership(this, random, wallMillis);
    clock.observe(store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(hlc), 0) FROM change_log");
           ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }));
  }

  /** Opens (or creates, with a fresh id) the workspace stored in {@code file}, acting as {@code key}'s device. */
  public static Workspace open(Path file, DeviceKey key) throws StoreException {
    SecureRandom random = new SecureRandom();
    return new Workspace(file, GraphStore.randomWorkspaceId(random), MembershipMode.OPEN, key, System::currentTimeMillis, random);
  }

  /**
   * Founds a new members-only workspace in {@code file} (which must not exist yet): its id is derived
   * from this device's key, and its first change is the genesis that makes this device its first
   * member. See {@link WorkspaceMembership}.
   *
   * @throws StoreException if the file exists, or cannot be created
   */
  public static Workspace create(Path file, DeviceKey key, String workspaceName, String memberName) throws StoreException {
    if (java.nio.file.Files.exists(file)) {
      throw new StoreException("a workspace already exists at " + file);
    }
    SecureRandom random = new SecureRandom();
    WorkspaceGenesis genesis = WorkspaceGenesis.create(key.actor(), random);
    Workspace ws = new Workspace(file, genesis.workspaceId(), MembershipMode.MEMBERS, key, System::currentTimeMillis, random);
    try {
      ws.commit(genesis.ops(workspaceName, memberName));
    } catch (StoreException | RuntimeException e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /**
   * Opens (creating if new) a replica of the members-only workspace {@code id}, for a device that is
   * joining it: it can take changes from peers at once, and write once it has joined
   * ({@link WorkspaceMembership#join}).
   */
  public static Workspace openToJoin(Path file, WorkspaceId id, DeviceKey key) throws StoreException {
    SecureRandom random = new SecureRandom();
    Workspace ws = new Workspace(file, id, MembershipMode.MEMBERS, key, System::currentTimeMillis, random);
    if (!ws.id().equals(id)) {
      ws.close();
      throw new StoreException(file + " holds workspace " + ws.id() + ", not " + id);
    }
    return ws;
  }

  /** As {@link #open(Path, DeviceKey)}, with the id a new file gets and the wall clock chosen by the caller (tests, joining). */
  public static Workspace open(Path file, WorkspaceId idIfNew, DeviceKey key, LongSupplier wallMillis) throws StoreException {
    return new Workspace(file, idIfNew, MembershipMode.OPEN, key, wallMillis, new SecureRandom());
  }

  /** As {@link #open(Path, WorkspaceId, DeviceKey, LongSupplier)}, choosing the membership mode of a new file (tests). */
  public static Workspace open(Path file, WorkspaceId idIfNew, MembershipMode modeIfNew, DeviceKey key, LongSupplier wallMillis)
      throws StoreException {
    return new Workspace(file, idIfNew, modeIfNew, key, wallMillis, new SecureRandom());
  }

  public WorkspaceId id() {
    return store.workspaceId();
  }

  public ActorId actor() {
    return author.key().actor();
  }

  public Path file() {
    return store.file();
  }

  /** Who may write here: members, invites, names. */
  public WorkspaceMembership membership() {
    return membership;
  }

  GraphStore store() {
    return store;
  }

  // ---- local settings (this replica's own, never replicated: sync switch, secrets, mirror folder)

  /** A local setting of this replica (e.g. {@code sync.enabled}); empty if unset. */
  public Optional<String> localSetting(String key) throws StoreException {
    return store.read(c -> GraphStore.readMeta(c, LOCAL_SETTING_PREFIX + key));
  }

  /** Sets (or with null, removes) a local setting; other processes on the file see it at once. */
  public CompletableFuture<Void> setLocalSettingAsync(String key, @org.jspecify.annotations.Nullable String value) {
    return store.write(txn -> {
      if (value == null) {
        try (PreparedStatement ps = txn.connection().prepareStatement("DELETE FROM meta WHERE key = ?")) {
          ps.setString(1, LOCAL_SETTING_PREFIX + key);
          ps.executeUpdate();
        }
      } else {
        GraphStore.writeMeta(txn.connection(), LOCAL_SETTING_PREFIX + key, value);
      }
      return null;
    });
  }

  public void setLocalSetting(String key, @org.jspecify.annotations.Nullable String value) throws StoreException {
    await(setLocalSettingAsync(key, value));
  }

  private static final String LOCAL_SETTING_PREFIX = "setting.";

  LongSupplier wallClock() {
    return wallMillis;
  }

  // ---- the change feed

  /**
   * Subscribes to committed changes: local, remote, and those other processes commit to the same file
   * (looked for every {@link #FOREIGN_POLL_MILLIS} ms while anyone is subscribed). Close the returned
   * handle to unsubscribe.
   */
  public AutoCloseable subscribe(ChangeListener listener) {
    listeners.add(listener);
    startForeignWatch();
    return () -> listeners.remove(listener);
  }

  /** How often, while someone listens, the file is checked for other processes' commits (one cheap pragma). */
  public static final long FOREIGN_POLL_MILLIS = 50;

  private synchronized void startForeignWatch() {
    if (foreignWatch == null && !events.isShutdown()) {
      foreignWatch = Executors.newSingleThreadScheduledExecutor(named("rhizome-foreign-watch", true));
      foreignWatch.scheduleWithFixedDelay(() -> {
        try {
          if (!listeners.isEmpty()) {
            store.checkForeignCommits();
          }
        } catch (RuntimeException e) {
          log.warn("checking for other processes' commits failed", e); // and the next check tries again
        }
      }, FOREIGN_POLL_MILLIS, FOREIGN_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Looks for other processes' commits now (tests, benches; subscribers get them without asking). */
  public void checkForeignCommits() {
    store.checkForeignCommits();
  }

  private void committed(List<Change> changes, List<TextChange> texts, boolean otherProcess) {
    boolean local = changes.stream().allMatch(ch -> ch.actor().equals(actor()));
    ChangeEvent event = new ChangeEvent(changes, local, texts, otherProcess);
    events.execute(() -> {
      for (ChangeListener l : listeners) {
        try {
          l.onChanges(event);
        } catch (RuntimeException e) {
          log.error("a change listener failed", e);
        }
      }
    });
  }

  // ---- generic graph writes

  /** Commits {@code ops} as one signed change of this device. */
  public CompletableFuture<Change> commitAsync(List<Op> ops) {
    return store.write(txn -> author.commit(txn, ops));
  }

  public Change commit(List<Op> ops) throws StoreException {
    return await(commitAsync(ops));
  }

  // ---- replication

  /**
   * Offers changes from another replica, as canonical bytes. Each is decoded and its signature
   * verified (in parallel, off the writer thread), then those that fit are applied in one
   * transaction. Duplicates are reported, not errors; a refused change is not stored and changes
   * nothing. Results are in input order.
   */
  public CompletableFuture<List<ApplyResult>> applyRemoteAsync(List<byte[]> encoded) {
    int n = encoded.size();
    Object[] checked = new Object[n];
    int workers = Math.min(n, Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<CompletableFuture<Void>> parts = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      int from = (int) ((long) n * w / workers);
      int to = (int) ((long) n * (w + 1) / workers);
      parts.add(CompletableFuture.runAsync(() -> {
        for (int i = from; i < to; i++) {
          checked[i] = decodeAndVerify(encoded.get(i));
          if (checked[i] instanceof Change change) {
            prepareNewBodies(change);
          }
        }
      }, verifiers));
    }
    CompletableFuture<Void> verified = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    CompletableFuture<List<ApplyResult>> result;
    synchronized (this) {
      // Batches verify in parallel but are written in the order they were offered, so a sender's
      // chain never arrives at the writer out of order because a later batch verified sooner.
      result = remoteTail.thenCombine(verified, (previous, ignored) -> null).thenCompose(ignored -> store.write(txn -> {
          List<ApplyResult> results = new ArrayList<>(n);
          for (Object o : checked) {
            if (o instanceof ApplyResult refused) {
              results.add(refused);
              continue;
            }
            Change change = (Change) o;
            try {
              results.add(txn.apply(change) ? ApplyResult.applied(change.hash()) : ApplyResult.duplicate(change.hash()));
              author.clock().observe(Math.min(change.hlc(), Hlc.pack(wallMillis.getAsLong() + MAX_CLOCK_SKEW_MILLIS, 0)));
            } catch (ChangeRefusedException e) {
              results.add(ApplyResult.refused(change.hash(), e.reason(), e.getMessage()));
            }
          }
          return results;
        }));
      remoteTail = result.handle((r, e) -> null);
    }
    return result;
  }

  public List<ApplyResult> applyRemote(List<byte[]> encoded) throws StoreException {
    return await(applyRemoteAsync(encoded));
  }

  public ApplyResult applyRemote(byte[] encoded) throws StoreException {
    return applyRemote(List.of(encoded)).get(0);
  }


  /**
   * Parses, on this (verifying) thread, the body a change most likely gives a new note: one insert
   * with no origins is the whole text of a note created by it. The writer takes the parse if the
   * merged text matches, else parses itself.
   */
  private void prepareNewBodies(Change change) {
    for (Op op : change.ops()) {
      if (op instanceof Op.TextEdit edit && edit.field().equals(NoteFields.BODY) && edit.ops().size() == 1
          && edit.ops().get(0) instanceof InsertOp insert && insert.originLeft() == null && insert.originRight() == null) {
        parsedBodies.prepare(insert.text());
      }
    }
  }

  private static Object decodeAndVerify(byte[] bytes) {
    Change change;
    try {
      change = ChangeCodec.decode(bytes);
    } catch (MalformedChangeException e) {
      return ApplyResult.refused(null, e.reason(), e.getMessage());
    }
    if (!change.hasValidSignature()) {
      return ApplyResult.refused(change.hash(), RefusalReason.BAD_SIGNATURE,
          "the signature of change #" + change.seq() + " does not verify against actor " + change.actor());
    }
    return change;
  }

  public VersionVector versionVector() throws StoreException {
    return store.read(c -> new ChangeLog(c).versionVector());
  }

  /**
   * Up to {@code limit} changes that a replica with version vector {@code have} lacks, in an order
   * in which they can be applied, starting after log position {@code after} (0 at first; then the
   * last returned entry's id).
   */
  public List<ChangeLog.Entry> changesSince(VersionVector have, long after, int limit) throws StoreException {
    return store.read(c -> new ChangeLog(c).changesSince(have, after, limit));
  }

  // ---- notes

  public CompletableFuture<Soul> createNoteAsync(String title, String body) {
    return createNoteAsync(NoteFolders.ROOT, title, body);
  }

  /** Creates a note in {@code folder} ({@code ""} for the root, else e.g. {@code "Projects/2024"}). */
  public CompletableFuture<Soul> createNoteAsync(String folder, String title, String body) {
    parsedBodies.prepare(body);
    return store.write(txn -> notes.create(txn, List.of(new NoteDraft(folder, title, body))).get(0));
  }

  /**
   * Creates a protected note: every member can read it, only this device's person (this device and
   * the person's other devices) can change it — checked on every replica. In an open workspace the
   * owner is this device.
   */
  public CompletableFuture<Soul> createProtectedNoteAsync(String folder, String title, String body) {
    ActorId owner;
    try {
      owner = membership.member(actor()).map(org.rhizome.graph.membership.Member::person).orElse(actor());
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    parsedBodies.prepare(body);
    return store.write(txn -> notes.create(txn, List.of(new NoteDraft(folder, title, body)), owner).get(0));
  }

  /** The person who alone may change {@code soul}, if it is protected. */
  public static Optional<ActorId> ownerOf(Soul soul) {
    return org.rhizome.graph.membership.SystemSouls.ownerOf(soul);
  }

  /** Creates a note; the title must be valid and not taken. */
  public Soul createNote(String title, String body) throws StoreException, NoteException {
    return awaitNote(createNoteAsync(title, body));
  }

  /** Creates a note in a folder; the title must be valid and not taken in that folder (titles may repeat across folders). */
  public Soul createNote(String folder, String title, String body) throws StoreException, NoteException {
    return awaitNote(createNoteAsync(folder, title, body));
  }

  /** Creates many notes in one transaction (one change each): the fast path for imports. */
  public CompletableFuture<List<Soul>> createNotesAsync(List<String[]> titleAndBody) {
    List<NoteDraft> batch = new ArrayList<>(titleAndBody.size());
    for (String[] tb : titleAndBody) {
      batch.add(new NoteDraft(tb[0], tb[1]));
    }
    return createDraftsAsync(batch);
  }

  /**
   * Creates many notes, each in its folder, in one transaction (one change each); if one cannot be
   * created (a bad or taken title), none is.
   */
  public CompletableFuture<List<Soul>> createDraftsAsync(List<NoteDraft> drafts) {
    List<NoteDraft> batch = List.copyOf(drafts);
    for (NoteDraft d : batch) {
      parsedBodies.prepare(d.body());
    }
    return store.write(txn -> notes.create(txn, batch));
  }

  /** Makes the note's body equal to {@code body}, as one text edit; empty when it already was. */
  public CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, String body) {
    parsedBodies.prepare(body);
    return store.write(txn -> notes.editBody(txn, soul, body));
  }

  public Optional<Change> editBody(Soul soul, String body) throws StoreException, NoteException {
    return awaitNote(editBodyAsync(soul, body));
  }

  /**
   * Applies an editor's edits to a note's body — splices of (position, deleted count, inserted
   * text) in code points, each on the text as the previous left it — as one change.
   *
   * @throws IllegalArgumentException (through the future) when a splice lies outside the text
   */
  public CompletableFuture<Optional<Change>> spliceBodyAsync(Soul soul, List<Splice> splices) {
    List<Splice> copy = List.copyOf(splices);
    return store.write(txn -> notes.spliceBody(txn, soul, copy));
  }

  public Optional<Change> spliceBody(Soul soul, List<Splice> splices) throws StoreException, NoteException {
    return awaitNote(spliceBodyAsync(soul, splices));
  }

  /**
   * A note's body and its version, read on the writer (which keeps the body live from now on, so the
   * change feed carries its edits as splices): what an editor opens with.
   */
  public CompletableFuture<VersionedText> openBodyAsync(Soul soul) {
    return store.write(txn -> {
      org.rhizome.graph.text.TextDocument doc = txn.text(soul, NoteFields.BODY);
      return new VersionedText(doc.text(), doc.version());
    });
  }

  public VersionedText openBody(Soul soul) throws StoreException {
    return await(openBodyAsync(soul));
  }

  /**
   * Applies an editor's splices made on the body at version {@code base} (the version of the text it
   * opened with, moved on by the {@link TextChange}s it replayed since): the engine moves them past
   * everything that arrived meanwhile, so each keystroke lands between the characters it was typed
   * between. The change's {@link TextChange} carries {@code origin} (nonzero: the editor's own tag).
   *
   * @throws IllegalArgumentException (through the future) when a splice lies outside the text it
   *     was made on, or {@code base} is not a version of this body
   */
  public CompletableFuture<Optional<Change>> spliceBodyAsync(Soul soul, org.rhizome.graph.text.TextVersion base,
                                                             List<Splice> splices, long origin) {
    List<Splice> copy = List.copyOf(splices);
    return store.write(txn -> notes.spliceBodyAt(txn, soul, base, copy, origin));
  }

  /**
   * Makes a body that was {@code read} (with {@link #openBody}) equal to {@code body}, as a diff against
   * what was read: edits others made since are kept, not overwritten (the CLI's and the mirror's
   * whole-body saves).
   */
  public CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, VersionedText read, String body) {
    parsedBodies.prepare(body);
    return store.write(txn -> notes.editBodyFrom(txn, soul, read, body));
  }

  public Optional<Change> editBody(Soul soul, VersionedText read, String body) throws StoreException, NoteException {
    return awaitNote(editBodyAsync(soul, read, body));
  }

  /**
   * A note's body as it was at {@code version} (one {@link #openBody} returned), replayed from the log:
   * for a whole-body save made from a read whose text was not kept (the mirror keeps only a bounded
   * number of texts it wrote). Costs one replay of the body's edits, on the writer.
   *
   * @throws org.rhizome.graph.text.MissingTextDependencyException (through the future) when
   *     {@code version} is not a version of this body
   */
  public CompletableFuture<VersionedText> bodyAtAsync(Soul soul, org.rhizome.graph.text.TextVersion version) {
    return store.write(txn -> new VersionedText(
        org.rhizome.graph.text.TextHistory.textAt(TextFieldHistory.ops(txn, soul, NoteFields.BODY), version), version));
  }

  public CompletableFuture<List<Change>> renameNoteAsync(Soul soul, String newTitle) {
    return store.write(txn -> {
      NoteRef note = NoteQueries.find(txn.connection(), soul).orElseThrow(() -> new NoSuchNoteException("There is no note " + soul + "."));
      return notes.relocate(txn, soul, note.folder(), newTitle);
    });
  }

  /**
   * Moves a note to another folder ({@code ""} for the root), rewriting links so they keep reaching
   * the notes they reached (see {@link #relocateNoteAsync}).
   */
  public CompletableFuture<List<Change>> moveNoteAsync(Soul soul, String newFolder) {
    return store.write(txn -> {
      NoteRef note = NoteQueries.find(txn.connection(), soul).orElseThrow(() -> new NoSuchNoteException("There is no note " + soul + "."));
      return notes.relocate(txn, soul, newFolder, note.title());
    });
  }

  public List<Change> moveNote(Soul soul, String newFolder) throws StoreException, NoteException {
    return awaitNote(moveNoteAsync(soul, newFolder));
  }

  /**
   * Gives a note a new folder and title at once. Links to it that would no longer reach it are
   * rewritten to its new name (or full path when the bare name would reach another note), and its
   * own links that would reach other notes from the new folder get their targets' full paths.
   * Fails with {@link TitleTakenException} when the folder already has a note with that title.
   */
  public CompletableFuture<List<Change>> relocateNoteAsync(Soul soul, String newFolder, String newTitle) {
    return store.write(txn -> notes.relocate(txn, soul, newFolder, newTitle));
  }

  /** Renames a note and rewrites links to it in other notes' bodies. */
  public List<Change> renameNote(Soul soul, String newTitle) throws StoreException, NoteException {
    return awaitNote(renameNoteAsync(soul, newTitle));
  }

  public CompletableFuture<Change> deleteNoteAsync(Soul soul) {
    return store.write(txn -> notes.delete(txn, soul));
  }

  /** Deletes a note (a tombstone: its history stays in the log). */
  public Change deleteNote(Soul soul) throws StoreException, NoteException {
    return awaitNote(deleteNoteAsync(soul));
  }

  // ---- the trash (deleted notes; see org.rhizome.graph.trash)

  /** Deleted notes, the most recently deleted first (at most {@code limit}): who deleted each and when. */
  public List<org.rhizome.graph.trash.TrashedNote> trash(int limit) throws StoreException {
    return store.read(c -> org.rhizome.graph.trash.TrashQueries.list(c, limit));
  }

  /** The number of notes in the trash. */
  public long trashCount() throws StoreException {
    return store.read(org.rhizome.graph.trash.TrashQueries::count);
  }

  /** The deleted note that {@code target} names (id, path or title; the most recently deleted of several). */
  public Optional<org.rhizome.graph.trash.TrashedNote> findInTrash(String target) throws StoreException {
    return store.read(c -> org.rhizome.graph.trash.TrashQueries.lookup(c, target));
  }

  /**
   * Brings a deleted note back (title, body, folder; its links, tags and aliases are indexed again)
   * as one signed change. If its folder has a live note with its title now, it comes back as
   * "Title (restored)". Fails with {@link org.rhizome.graph.trash.NotInTrashException} when the
   * note is not in the trash.
   */
  public CompletableFuture<org.rhizome.graph.trash.RestoredNote> restoreNoteAsync(Soul soul) {
    return store.write(txn -> trash.restore(txn, soul));
  }

  public org.rhizome.graph.trash.RestoredNote restoreNote(Soul soul) throws StoreException, NoteException {
    return awaitNote(restoreNoteAsync(soul));
  }

  /**
   * Empties the trash: every note in it that this device may change (a protected note of another
   * person is left) loses its title, body and folder on every replica, as replicated changes. The
   * change log keeps the old changes (see docs/decisions/0006-trash.md). Returns how many notes.
   */
  public CompletableFuture<Integer> emptyTrashAsync() {
    return store.write(txn -> {
      // Read in the transaction: the trash as it is now, whoever else writes to the file.
      ActorId person = membership.member(actor()).map(org.rhizome.graph.membership.Member::person).orElse(actor());
      List<Soul> souls = new ArrayList<>();
      for (org.rhizome.graph.trash.TrashedNote n : org.rhizome.graph.trash.TrashQueries.list(txn.connection(), Integer.MAX_VALUE)) {
        Optional<ActorId> owner = ownerOf(n.soul());
        if (owner.isEmpty() || owner.get().equals(person)) {
          souls.add(n.soul());
        }
      }
      return trash.empty(txn, souls);
    });
  }

  public int emptyTrash() throws StoreException {
    return await(emptyTrashAsync());
  }

  // ---- attachments

  /**
   * Stores files as attachments, in one transaction: each draft's bytes go to the blob store (once
   * per content) and its node (folder, name, size, SHA-256, mime) to the graph. A draft at the path
   * of a live attachment replaces its content; the same bytes again change nothing.
   *
   * @throws IllegalArgumentException (through the future) for a file over {@link BlobStore#MAX_BLOB_BYTES}
   */
  public CompletableFuture<List<Soul>> putAttachmentsAsync(List<AttachmentDraft> drafts) {
    List<AttachmentDraft> batch = List.copyOf(drafts);
    return store.write(txn -> attachments.put(txn, batch));
  }

  public Soul putAttachment(String folder, String name, byte[] data) throws StoreException, NoteException {
    return awaitNote(putAttachmentsAsync(List.of(new AttachmentDraft(folder, name, data, AttachmentFields.mimeOf(name))))).get(0);
  }

  public CompletableFuture<Void> deleteAttachmentAsync(Soul soul) {
    return store.write(txn -> {
      attachments.delete(txn, soul);
      return null;
    });
  }

  /** The live attachment at a path such as {@code "Assets/photo.png"} (compared ignoring case). */
  public Optional<Attachment> attachment(String path) throws StoreException {
    return store.read(c -> AttachmentQueries.byPath(c, path));
  }

  /** The attachment that {@code ![[target]]} in a note of {@code sourceFolder} embeds (Obsidian's rules, by file name). */
  public Optional<Attachment> resolveAttachment(String sourceFolder, String target) throws StoreException {
    return store.read(c -> AttachmentQueries.resolve(c, sourceFolder, target));
  }

  /** The bytes of an attachment, if this replica has them (sync may not have fetched them yet). */
  public Optional<byte[]> attachmentBytes(Attachment attachment) throws StoreException {
    return store.read(c -> BlobStore.get(c, attachment.hash()));
  }

  /** The bytes of the attachment at {@code path}, for a reading view: empty when there is none or its bytes are missing. */
  public Optional<byte[]> attachmentBytes(String path) throws StoreException {
    Optional<Attachment> a = attachment(path);
    return a.isEmpty() ? Optional.empty() : attachmentBytes(a.get());
  }

  /**
   * Stores bytes a peer sent for an attachment; returns their SHA-256 (hex). Nothing is stored twice.
   * For sync's blob transfer: the caller checks the hash against the one it asked for.
   */
  public CompletableFuture<String> storeBlobAsync(byte[] data) {
    return store.write(txn -> BlobStore.put(txn, data));
  }

  /** The bytes stored under a SHA-256 (hex), if this replica has them: what sync sends a peer that asks. */
  public Optional<byte[]> blob(String hexHash) throws StoreException {
    return store.read(c -> BlobStore.get(c, hexHash));
  }

  /** Hashes of live attachments whose bytes this replica lacks (to fetch from peers), at most {@code limit}. */
  public List<String> missingBlobs(int limit) throws StoreException {
    return store.read(c -> BlobStore.missing(c, limit));
  }

  public List<Attachment> attachments(int limit) throws StoreException {
    return store.read(c -> AttachmentQueries.list(c, limit));
  }

  /**
   * Parses a body the caller is about to write, on the calling thread (an importer's worker), and
   * leaves the parse for the writer to reuse; returns it (links, tags, front matter, problems).
   */
  public ParsedNote parseAhead(String body) {
    return parsedBodies.prepareAndGet(body);
  }

  // ---- queries (on the caller's thread)

  public Optional<Note> findNote(Soul soul) throws StoreException {
    return store.read(c -> {
      Optional<NoteRef> ref = NoteQueries.find(c, soul);
      if (ref.isEmpty()) {
        return Optional.empty();
      }
      NoteRef r = ref.get();
      return Optional.of(new Note(r.soul(), r.title(), NoteQueries.body(c, soul), r.created(), r.modified(),
          NoteQueries.tagsOf(c, soul), NoteQueries.aliasesOf(c, soul), r.folder()));
    });
  }

  /**
   * The live note that {@code target} names: a soul, a title, an alias or a path such as
   * {@code "Projects/Note"} (as a link in a note of the root folder would resolve it).
   */
  public Optional<NoteRef> resolve(String target) throws StoreException {
    return store.read(c -> {
      if (Soul.isValid(target)) {
        Optional<NoteRef> bySoul = NoteQueries.find(c, new Soul(target));
        if (bySoul.isPresent()) {
          return bySoul;
        }
      }
      return NoteQueries.resolve(c, target);
    });
  }

  /** The current bodies of notes, in one read (a missing note has an empty body): for exports and mirrors. */
  public List<String> bodies(List<Soul> souls) throws StoreException {
    return store.read(c -> {
      List<String> out = new ArrayList<>(souls.size());
      for (Soul s : souls) {
        out.add(NoteQueries.body(c, s));
      }
      return out;
    });
  }

  /** The live note that {@code [[target]]} reaches when written in a note of {@code sourceFolder} (Obsidian's rules). */
  public Optional<NoteRef> resolveLink(String sourceFolder, String target) throws StoreException {
    return store.read(c -> NoteQueries.resolve(c, sourceFolder, target));
  }

  /**
   * What {@code [[target]]} (or {@code ![[target]]}, or a Markdown link to a vault file) reaches when
   * written in a note of {@code sourceFolder}: a note, an attachment, or nothing — and then whether
   * the target names a file (a missing attachment, never a note to create).
   */
  public LinkDestination linkDestination(String sourceFolder, String target) throws StoreException {
    return store.read(c -> NoteQueries.destination(c, sourceFolder, target));
  }

  /** The links from live notes that reach an attachment, with their lines (at most {@code limit}). */
  public List<Backlink> attachmentBacklinks(Soul attachment, int limit) throws StoreException {
    return store.read(c -> NoteQueries.attachmentBacklinks(c, attachment, limit));
  }

  /** All fields of a node (notes included) by name, null values left out. */
  public Map<String, Value> node(Soul soul) throws StoreException {
    return store.read(c -> {
      Map<String, Value> out = new TreeMap<>();
      for (var e : new FieldTable(c).node(soul).entrySet()) {
        Value v;
        try {
          v = ValueCodec.decode(e.getValue().value());
        } catch (DecodeException bad) {
          throw new CorruptDatabaseException("field " + e.getKey() + " of " + soul + " is unreadable", bad);
        }
        if (!v.isNull()) {
          out.put(e.getKey(), v);
        }
      }
      return out;
    });
  }

  /** The versions of a note's body, newest first (at most {@code limit}): who changed it and when. */
  public List<TextVersionInfo> bodyHistory(Soul soul, int limit) throws StoreException {
    return store.read(c -> TextHistoryQueries.versions(c, soul, NoteFields.BODY, limit));
  }

  /** A note's body as it was right after {@code version} (one of {@link #bodyHistory}). Replays the note's edits. */
  public String bodyAt(Soul soul, TextVersionInfo version) throws StoreException {
    return store.read(c -> TextHistoryQueries.textAt(c, soul, NoteFields.BODY, version.logPosition()));
  }

  /**
   * Restores a note's body to an earlier version, as one new change marked as a restore (history
   * keeps everything). A deleted note comes back from the trash in the same change.
   */
  public Optional<Change> restoreBody(Soul soul, TextVersionInfo version) throws StoreException, NoteException {
    return awaitNote(restoreBodyAsync(soul, version));
  }

  /** As {@link #restoreBody}: reads the old text on the caller's thread, then writes. */
  public CompletableFuture<Optional<Change>> restoreBodyAsync(Soul soul, TextVersionInfo version) {
    String text;
    try {
      text = bodyAt(soul, version);
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    parsedBodies.prepare(text);
    return store.write(txn -> trash.restoreBody(txn, soul, text, version.change()));
  }

  /**
   * A note's body versions as a person counts them — a pause of a minute, another author or a
   * restore starts a new one — newest first, at most {@code limit}, each with its size in words.
   */
  public List<org.rhizome.graph.query.BodyVersion> bodyVersions(Soul soul, int limit) throws StoreException {
    return store.read(c -> TextHistoryQueries.groupedVersions(c, soul, NoteFields.BODY,
        org.rhizome.graph.trash.TrashEditor.RESTORED_FROM, limit));
  }

  /**
   * A note's properties: its front matter's keys other than aliases and tags, as parsed from the
   * current body (values: String, Long, Double, Boolean, List, Map; see {@link org.rhizome.graph.markdown.FrontMatter}).
   * Empty for no front matter, invalid YAML, or no such note.
   */
  public Map<String, Object> properties(Soul soul) throws StoreException {
    return parsedBodies.parse(store.read(c -> NoteQueries.body(c, soul))).frontMatter().properties();
  }

  /** A note's outline: its headings in order, parsed from the current body (empty for no such note). */
  public List<Heading> outline(Soul soul) throws StoreException {
    return parsedBodies.parse(store.read(c -> NoteQueries.body(c, soul))).headings();
  }

  /** The number of live notes (one index count; cheap). */
  public long noteCount() throws StoreException {
    return store.read(NoteQueries::count);
  }

  public List<NoteRef> listNotes(int limit) throws StoreException {
    return store.read(c -> NoteQueries.list(c, limit));
  }

  /** Every title and alias of every live note (titles first), for pickers; at most {@code limit}. */
  public List<NoteName> noteNames(int limit) throws StoreException {
    return store.read(c -> NameQueries.names(c, limit));
  }

  /** Live notes carrying a tag (with or without {@code #}, any case), by title; at most {@code limit}. */
  public List<NoteRef> notesTagged(String tag, int limit) throws StoreException {
    return store.read(c -> NameQueries.tagged(c, tag, limit));
  }

  public List<SearchHit> search(String query, int limit) throws StoreException {
    return store.read(c -> SearchQueries.search(c, query, limit));
  }

  public List<Backlink> backlinks(Soul soul, int limit) throws StoreException {
    return store.read(c -> NoteQueries.backlinks(c, soul, limit));
  }

  public List<UnlinkedMention> unlinkedMentions(Soul soul, int limit) throws StoreException {
    return store.read(c -> SearchQueries.unlinkedMentions(c, soul, limit));
  }

  public List<OutgoingLink> outgoingLinks(Soul soul) throws StoreException {
    return store.read(c -> NoteQueries.outgoing(c, soul));
  }

  public List<UnresolvedLink> unresolvedLinks(int limit) throws StoreException {
    return store.read(c -> NoteQueries.unresolved(c, limit));
  }

  public List<TagCount> tags() throws StoreException {
    return store.read(NoteQueries::tags);
  }

  public GraphView neighbourhood(Soul soul, int depth, int maxNodes) throws StoreException {
    return store.read(c -> NoteQueries.neighbourhood(c, soul, depth, maxNodes));
  }

  /**
   * Every live note and the links between them, for the global graph: read in one pass over the
   * link table. Over {@code maxNodes} notes, the best connected are kept and the view is truncated.
   */
  public GraphView wholeGraph(int maxNodes) throws StoreException {
    return store.read(c -> WholeGraphQueries.wholeGraph(c, maxNodes));
  }

  /** Counts, version vector and the state digest. Scans the field table (about a second per million fields). */
  public WorkspaceStatus status() throws StoreException {
    return store.read(c -> new WorkspaceStatus(id(), actor(), NoteQueries.count(c), new ChangeLog(c).count(),
        new ChangeLog(c).versionVector(), StateDigest.compute(c)));
  }

  public String digest() throws StoreException {
    return store.read(StateDigest::compute);
  }

  // ---- queries and tasks (docs/queries.md)

  /**
   * Runs a query of the query language over the index, with now() the current time and today() the
   * local date.
   *
   * @throws org.rhizome.graph.query.lang.QueryException when the text is not a valid query (where, and what was expected)
   */
  public org.rhizome.graph.query.lang.QueryResult query(String text)
      throws StoreException, org.rhizome.graph.query.lang.QueryException {
    org.rhizome.graph.query.lang.Ast.Query q = org.rhizome.graph.query.lang.Parser.parse(text);
    long now = System.currentTimeMillis();
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    org.rhizome.graph.query.lang.QueryException[] failed = new org.rhizome.graph.query.lang.QueryException[1];
    org.rhizome.graph.query.lang.QueryResult result = store.read(c -> {
      try {
        return org.rhizome.graph.query.lang.QueryEngine.run(c, text, q, now, zone);
      } catch (org.rhizome.graph.query.lang.QueryException e) {
        failed[0] = e;
        return null;
      }
    });
    if (failed[0] != null) {
      throw failed[0];
    }
    return result;
  }

  /**
   * Ticks (or unticks) the task on {@code line} of a note: one character of its text changes, read
   * and written on the writer thread so no concurrent edit slips between.
   *
   * @throws org.rhizome.graph.tasks.NoSuchTaskException (through the future) when that line holds no task now
   */
  public CompletableFuture<Optional<Change>> toggleTaskAsync(Soul soul, int line) {
    return toggleTaskAsync(soul, line, java.time.LocalDate.now());
  }

  /**
   * As {@link #toggleTaskAsync(Soul, int)}, and when {@code doneOn} is given a tick also writes
   * {@code ✅ doneOn} at the end of the item (an untick removes it), in the same change.
   */
  public CompletableFuture<Optional<Change>> toggleTaskAsync(Soul soul, int line, java.time.@Nullable LocalDate doneOn) {
    return store.write(txn -> {
      String body = NoteQueries.body(txn.connection(), soul);
      List<Splice> splices = org.rhizome.graph.tasks.TaskToggle.toggle(body, line, doneOn);
      if (splices.isEmpty()) {
        throw new org.rhizome.graph.tasks.NoSuchTaskException("Line " + (line + 1) + " of the note holds no task now.");
      }
      return notes.spliceBody(txn, soul, splices);
    });
  }

  /** Waits for queued writes, then closes the store and the engine's threads. */
  @Override
  public void close() {
    synchronized (this) {
      if (foreignWatch != null) {
        foreignWatch.shutdownNow();
      }
    }
    store.close();
    verifiers.shutdown();
    events.shutdown();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- helpers

  private static <T> T await(CompletableFuture<T> future) throws StoreException {
    try {
      return awaitNote(future);
    } catch (NoteException e) {
      throw new IllegalStateException("unexpected: " + e.getMessage(), e);
    }
  }

  private static <T> T awaitNote(CompletableFuture<T> future) throws StoreException, NoteException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the writer", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException se) {
        throw se;
      }
      if (cause instanceof NoteException ne) {
        throw ne;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new StoreException(String.valueOf(cause.getMessage()), cause);
    }
  }

  private static ThreadFactory named(String pattern, boolean daemon) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, pattern.contains("%d") ? String.format(pattern, n.incrementAndGet()) : pattern);
      t.setDaemon(daemon);
      return t;
    };
  }
}
