package org.rhizome.graph.vault;

// Longer than 500 lines on purpose: the two directions of the mirror (notes to files, files to
// notes) share one per-file state (what was last written, at which version) that keeps them from
// echoing each other.

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.files.AtomicFile;
import org.rhizome.graph.files.AtomicFile.Durability;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.store.BlobStore;
import org.rhizome.graph.text.TextVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a folder and a workspace in step both ways while it runs (opt-in per workspace: the folder
 * is the local setting {@value #SETTING}). A file saved by another editor becomes a change: its
 * text is diffed against the body the mirror last wrote to (or found in) that file, at that body's
 * version, and merged as one text edit, so what reached the note meanwhile (typed in the app, from
 * a peer) stays — never a replacement of the note; a new file becomes a note (or attachment), a
 * deleted one deletes it. A change from anywhere else (the app, a peer, the CLI) is written to the
 * note's file atomically (temp file, then move), and a note moved or renamed moves its file, and a
 * file another editor renames or moves (gone here, the same bytes there, within one debounce) moves
 * its note. The mirror's own writes are recognised by content (the SHA-256 of what it last wrote or
 * read at each path) and ignored.
 *
 * <p>Private notes (issue 16) are never mirrored: their title and text rest only sealed, and the
 * folder is plain files that other tools, indexers and sync services read. A file at a private
 * note's path is left alone both ways (neither taken in nor deleted with the note); one that holds
 * exactly the note's current text — written by a mirror before this rule — is removed at start.
 *
 * <p>At start the two sides are reconciled: a file and a note that differ take the newer side (the
 * file's modification time against the note's last change), files the workspace lacks are imported
 * and notes the folder lacks are written.
 *
 * <p>Threading: {@link #start} and {@link #close} from any thread; the work runs on one thread
 * ({@code rhizome-mirror}) fed by the watcher thread ({@code rhizome-mirror-watch}) and the
 * workspace's change events, each coalesced for {@value #DEBOUNCE_MILLIS} ms.
 */
public final class VaultMirror implements AutoCloseable {
  /** The local setting that turns the mirror on for a workspace: the folder's absolute path. */
  public static final String SETTING = "mirror.folder";

  static final long DEBOUNCE_MILLIS = 20;
  private static final Logger log = LoggerFactory.getLogger(VaultMirror.class);

  private final Workspace ws;
  private final Path root;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-mirror");
            t.setDaemon(true);
            return t;
          });
  // Confined to the worker thread:
  private final Map<String, String> hashByPath = new HashMap<>();
  private final Map<Soul, String> pathBySoul = new HashMap<>();
  private final WrittenTexts written;
  private final Set<String> pendingPaths = new LinkedHashSet<>();
  private final Set<Soul> pendingSouls = new LinkedHashSet<>();
  private boolean flushScheduled;
  private final Map<WatchKey, Path> watched = new HashMap<>();
  private @Nullable WatchService watcher;
  private @Nullable AutoCloseable subscription;
  private @Nullable Thread watchThread;

  public VaultMirror(Workspace ws, Path dir) {
    this(ws, dir, WrittenTexts.MAX_CHARS);
  }

  /**
   * A mirror that keeps at most {@code keptChars} characters of the texts it wrote (tests: force
   * replays).
   */
  VaultMirror(Workspace ws, Path dir, long keptChars) {
    this.ws = ws;
    this.root = dir.toAbsolutePath().normalize();
    this.written = new WrittenTexts(keptChars);
  }

  /**
   * Runs {@code task} on the mirror's worker, after what is queued (tests: hold the worker to line
   * events up).
   */
  void onWorker(Runnable task) {
    worker.execute(task);
  }

  /** The mirror this workspace is set to keep, if the setting is on (not started). */
  public static Optional<VaultMirror> configured(Workspace ws) throws StoreException {
    Optional<String> folder = ws.localSetting(SETTING);
    return folder.map(f -> new VaultMirror(ws, Path.of(f)));
  }

  /** Turns the mirror on for {@code dir} (or off, with null) for this workspace on this device. */
  public static void configure(Workspace ws, @Nullable Path dir) throws StoreException {
    try {
      ws.setLocalSettingAsync(
              SETTING, dir == null ? null : dir.toAbsolutePath().normalize().toString())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted", e);
    } catch (ExecutionException e) {
      throw new StoreException(
          "the mirror setting could not be saved: " + e.getCause().getMessage(), e.getCause());
    }
  }

  public Path folder() {
    return root;
  }

  public Workspace workspace() {
    return ws;
  }

  /**
   * Reconciles the folder and the workspace, then watches both. Blocks until the first
   * reconciliation is done (reads and writes every file that differs).
   */
  public void start() throws IOException, StoreException {
    Files.createDirectories(root);
    watcher = FileSystems.getDefault().newWatchService();
    try {
      worker
          .submit(
              () -> {
                registerTree(root);
                reconcile();
                return null;
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the mirror", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof StoreException se) {
        throw se;
      }
      throw new IOException("the mirror could not start: " + e.getCause(), e.getCause());
    }
    subscription = ws.subscribe(this::onChanges);
    Thread t = new Thread(this::watchLoop, "rhizome-mirror-watch");
    t.setDaemon(true);
    watchThread = t;
    t.start();
    log.info("mirroring {} with {}", root, ws.file());
  }

  @Override
  public void close() {
    try {
      if (subscription != null) {
        subscription.close();
      }
      if (watcher != null) {
        watcher.close();
      }
    } catch (Exception e) {
      log.warn("closing the mirror's watcher failed", e);
    }
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
      if (watchThread != null) {
        watchThread.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- file side

  private void watchLoop() {
    WatchService w = watcher;
    while (w != null) {
      WatchKey key;
      try {
        key = w.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Path dir = null;
      List<WatchEvent<?>> events = key.pollEvents();
      synchronized (watched) {
        dir = watched.get(key);
      }
      key.reset();
      if (dir == null) {
        continue;
      }
      for (WatchEvent<?> event : events) {
        if (event.kind() == OVERFLOW) {
          Path base = dir;
          submit(() -> pendingPathsOfTree(base));
          continue;
        }
        Path child = dir.resolve((Path) event.context());
        String rel = VaultPaths.relative(root, child);
        if (!VaultPaths.isHidden(rel)) {
          submit(
              () -> {
                if (Files.isDirectory(child)) {
                  registerTree(child);
                  pendingPathsOfTree(child);
                } else {
                  pendingPaths.add(rel);
                }
              });
        }
      }
    }
  }

  private void submit(ThrowingRunnable task) {
    try {
      worker.execute(
          () -> {
            try {
              task.run();
              scheduleFlush();
            } catch (Exception e) {
              log.error("the mirror of {} failed to process an event", root, e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the mirror is closing: events after close are dropped on purpose
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      worker.schedule(
          () -> {
            flushScheduled = false;
            flush();
          },
          DEBOUNCE_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  private void flush() {
    List<String> paths = new java.util.ArrayList<>(pendingPaths);
    pendingPaths.clear();
    try {
      paths.removeAll(takeRenames(paths));
    } catch (Exception e) {
      log.error("the mirror could not take in a rename", e);
    }
    for (String rel : paths) {
      try {
        fileChanged(rel);
      } catch (Exception e) {
        log.error("the mirror could not take in {}", rel, e);
      }
    }
    List<Soul> souls = List.copyOf(pendingSouls);
    pendingSouls.clear();
    for (Soul soul : souls) {
      try {
        nodeChanged(soul);
      } catch (Exception e) {
        log.error("the mirror could not write out {}", soul, e);
      }
    }
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        if (!d.equals(root) && VaultPaths.isHidden(VaultPaths.relative(root, d))) {
          continue;
        }
        WatchKey key = d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        synchronized (watched) {
          watched.put(key, d);
        }
      }
    }
  }

  private void pendingPathsOfTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = VaultPaths.relative(root, f);
        if (!VaultPaths.isHidden(rel)) {
          pendingPaths.add(rel);
        }
      }
    }
  }

  /** A file was created, changed or deleted: bring the workspace in step. */
  private void fileChanged(String rel) throws Exception {
    Path file = root.resolve(rel);
    String[] why = new String[1];
    String folder = VaultPaths.folderOf(rel, why);
    if (folder == null) {
      return;
    }
    String name = NoteFolders.nameOf(rel);
    String title = VaultPaths.isNoteFile(name) ? VaultPaths.titleOf(name, why) : null;
    if (title != null && privateAt(folder, title)) {
      log.warn(
          "the mirror left {} alone: a private note has that path, and private notes are not mirrored",
          rel);
      return;
    }
    if (!Files.isRegularFile(file)) {
      if (hashByPath.remove(rel) != null) {
        deleteAt(folder, name, title);
      }
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    String hash = hash(bytes);
    if (hash.equals(hashByPath.get(rel))) {
      return; // our own write, or nothing new
    }
    String body = title == null ? null : VaultPaths.textOf(bytes, why);
    hashByPath.put(rel, hash);
    if (body != null) {
      Optional<NoteRef> note = noteAt(folder, title);
      Soul soul;
      if (note.isPresent()) {
        soul = note.get().soul();
        takeInSave(soul, body);
      } else {
        soul = ws.createNoteAsync(folder, title, body).get();
      }
      pathBySoul.put(soul, rel);
      // the file and the base agree again: what others added meanwhile is written out at once, so a
      // second save from the same editor is not diffed against a text the file no longer holds
      writeNote(soul, rel, ws.openBodyAsync(soul).get());
    } else if (bytes.length <= BlobStore.MAX_BLOB_BYTES) {
      List<Soul> souls =
          ws.putAttachmentsAsync(
                  List.of(
                      new org.rhizome.graph.note.AttachmentDraft(
                          folder, name, bytes, AttachmentFields.mimeOf(name))))
              .get();
      pathBySoul.put(souls.get(0), rel);
    }
  }

  /**
   * A note file that disappeared while a file with the same bytes appeared (another editor renamed
   * or moved it) is a move of the note, not a delete and a create: the note keeps its identity and
   * history, and links to it are rewritten. Returns the paths it handled.
   */
  private Set<String> takeRenames(List<String> paths) throws Exception {
    Map<String, String> goneByHash = new HashMap<>();
    for (String rel : paths) {
      String known = hashByPath.get(rel);
      if (known != null
          && VaultPaths.isNoteFile(NoteFolders.nameOf(rel))
          && !Files.isRegularFile(root.resolve(rel))) {
        goneByHash.put(known, rel);
      }
    }
    Set<String> handled = new LinkedHashSet<>();
    if (goneByHash.isEmpty()) {
      return handled;
    }
    for (String rel : paths) {
      Path file = root.resolve(rel);
      if (hashByPath.containsKey(rel)
          || !VaultPaths.isNoteFile(NoteFolders.nameOf(rel))
          || !Files.isRegularFile(file)) {
        continue;
      }
      String hash = hash(Files.readAllBytes(file));
      String old = goneByHash.remove(hash);
      String[] why = new String[1];
      String oldFolder = old == null ? null : VaultPaths.folderOf(old, why);
      String oldTitle = oldFolder == null ? null : VaultPaths.titleOf(NoteFolders.nameOf(old), why);
      String folder = VaultPaths.folderOf(rel, why);
      String title = folder == null ? null : VaultPaths.titleOf(NoteFolders.nameOf(rel), why);
      if (oldTitle == null || title == null) {
        continue;
      }
      Optional<NoteRef> note = noteAt(oldFolder, oldTitle);
      if (note.isPresent()) {
        hashByPath.remove(old);
        hashByPath.put(rel, hash);
        pathBySoul.put(note.get().soul(), rel);
        ws.relocateNoteAsync(note.get().soul(), folder, title).get();
        handled.add(old);
        handled.add(rel);
      }
    }
    return handled;
  }

  /**
   * Merges a file's new text into its note as a diff from the body the mirror last wrote to (or
   * found in) the file, at that version; without one (a file changed while the mirror was off),
   * from the note's current body.
   */
  private void takeInSave(Soul soul, String body) throws Exception {
    VersionedText base = written.text(soul).orElse(null);
    TextVersion version = written.version(soul);
    if (base == null && version != null) {
      try {
        base = ws.bodyAtAsync(soul, version).get();
      } catch (ExecutionException e) {
        log.warn(
            "the mirror could not replay {} at the version it last wrote; diffing against its current body",
            soul,
            e.getCause());
      }
    }
    if (base == null) {
      ws.editBodyAsync(soul, body).get();
    } else {
      ws.editBodyAsync(soul, base, body).get();
    }
  }

  private void deleteAt(String folder, String name, @Nullable String title) throws Exception {
    if (title != null) {
      Optional<NoteRef> note = noteAt(folder, title);
      if (note.isPresent()) {
        pathBySoul.remove(note.get().soul());
        written.remove(note.get().soul());
        ws.deleteNoteAsync(note.get().soul()).get();
        return;
      }
    }
    Optional<Attachment> a = ws.attachment(NoteFolders.path(folder, name));
    if (a.isPresent()) {
      pathBySoul.remove(a.get().soul());
      ws.deleteAttachmentAsync(a.get().soul()).get();
    }
  }

  private boolean privateAt(String folder, String title) throws StoreException {
    Optional<NoteRef> note = noteAt(folder, title);
    return note.isPresent() && ws.isPrivate(note.get().soul());
  }

  private Optional<NoteRef> noteAt(String folder, String title) throws StoreException {
    return ws.resolveLink("", NoteFolders.path(folder, title))
        .filter(r -> NoteFolders.key(r.folder()).equals(NoteFolders.key(folder)));
  }

  // ---- workspace side

  private void onChanges(ChangeEvent event) {
    Set<Soul> souls = new LinkedHashSet<>();
    for (Change change : event.changes()) {
      for (Op op : change.ops()) {
        souls.add(op.soul());
      }
    }
    submit(() -> pendingSouls.addAll(souls));
  }

  /** A node changed in the workspace: write its file (or move or delete it). */
  private void nodeChanged(Soul soul) throws Exception {
    if (ws.isPrivate(soul)) {
      return;
    }
    Optional<Note> note = ws.findNote(soul);
    if (note.isPresent()) {
      String rel =
          VaultExporter.notePath(new NoteRef(soul, note.get().title(), 0, 0, note.get().folder()));
      if (rel.equals(pathBySoul.get(soul)) && savedUnseen(rel)) {
        fileChanged(
            rel); // another editor saved it and its event is still on the way: take it in first
        return; // (which wrote the merged body out)
      }
      writeNote(soul, rel, ws.openBodyAsync(soul).get());
      return;
    }
    Map<String, Value> fields = ws.node(soul);
    if (fields.get(AttachmentFields.TYPE) instanceof Value.Str type
        && type.value().equals(AttachmentFields.ATTACHMENT_TYPE)
        && !(fields.get(AttachmentFields.DELETED) instanceof Value.Bool b && b.value())) {
      String folder = fields.get(AttachmentFields.FOLDER) instanceof Value.Str f ? f.value() : "";
      String name = fields.get(AttachmentFields.NAME) instanceof Value.Str n ? n.value() : "";
      Optional<Attachment> a = ws.attachment(NoteFolders.path(folder, name));
      if (a.isPresent() && a.get().soul().equals(soul)) {
        Optional<byte[]> bytes = ws.attachmentBytes(a.get());
        if (bytes.isPresent()) {
          writeFile(soul, a.get().path(), bytes.get());
        }
      }
      return;
    }
    String old = pathBySoul.remove(soul);
    written.remove(soul);
    if (old != null) {
      deleteIfOurs(old);
    }
  }

  /**
   * True when the file at {@code rel} holds other bytes than the mirror last wrote or read there.
   */
  private boolean savedUnseen(String rel) throws IOException {
    Path file = root.resolve(rel);
    String known = hashByPath.get(rel);
    return known != null
        && Files.isRegularFile(file)
        && !known.equals(hash(Files.readAllBytes(file)));
  }

  /**
   * Writes a note's body to its file (when it differs) and remembers it as the file's base version.
   */
  private void writeNote(Soul soul, String rel, VersionedText body) throws IOException {
    writeFile(soul, rel, body.text().getBytes(StandardCharsets.UTF_8));
    written.put(soul, body);
  }

  private void writeFile(Soul soul, String rel, byte[] bytes) throws IOException {
    String old = pathBySoul.put(soul, rel);
    if (old != null && !old.equals(rel)) {
      deleteIfOurs(old);
    }
    String hash = hash(bytes);
    if (hash.equals(hashByPath.get(rel))) {
      return;
    }
    hashByPath.put(rel, hash);
    Path target = root.resolve(rel).normalize();
    if (target.startsWith(root)) {
      AtomicFile.replaceIfChanged(target, bytes, Durability.SYNCED);
    }
  }

  /** Deletes a file the mirror wrote, unless another editor changed it since. */
  private void deleteIfOurs(String rel) throws IOException {
    Path file = root.resolve(rel);
    String known = hashByPath.remove(rel);
    if (known != null
        && Files.isRegularFile(file)
        && known.equals(hash(Files.readAllBytes(file)))) {
      Files.delete(file);
    }
  }

  // ---- start-up

  private void reconcile() throws Exception {
    Map<String, NoteRef> notesByKey = new HashMap<>();
    for (NoteRef ref : ws.listNotes(Integer.MAX_VALUE)) {
      if (ws.isPrivate(ref.soul())) {
        removeEarlierCopy(ref);
      } else {
        notesByKey.putIfAbsent(VaultImporter.pathKey(ref.folder(), ref.title()), ref);
      }
    }
    Set<Soul> seen = new java.util.HashSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = VaultPaths.relative(root, f);
        if (VaultPaths.isHidden(rel)) {
          continue;
        }
        String[] why = new String[1];
        String folder = VaultPaths.folderOf(rel, why);
        String name = NoteFolders.nameOf(rel);
        String title =
            folder != null && VaultPaths.isNoteFile(name) ? VaultPaths.titleOf(name, why) : null;
        NoteRef note = title == null ? null : notesByKey.get(VaultImporter.pathKey(folder, title));
        if (note == null) {
          fileChanged(rel);
          continue;
        }
        seen.add(note.soul());
        byte[] bytes = Files.readAllBytes(f);
        VersionedText body = ws.openBodyAsync(note.soul()).get();
        pathBySoul.put(note.soul(), rel);
        if (body.text().equals(VaultPaths.textOf(bytes, why))) {
          hashByPath.put(rel, hash(bytes));
          written.put(note.soul(), body);
        } else if (Files.getLastModifiedTime(f).toMillis() > note.modified()) {
          fileChanged(
              rel); // changed while the mirror was off: no base but the current body to diff from
        } else {
          writeNote(note.soul(), rel, body);
        }
      }
    }
    for (NoteRef ref : notesByKey.values()) {
      if (!seen.contains(ref.soul())) {
        nodeChanged(ref.soul());
      }
    }
    for (Attachment a : ws.attachments(Integer.MAX_VALUE)) {
      if (!Files.exists(root.resolve(a.path()))) {
        nodeChanged(a.soul());
      }
    }
  }

  /**
   * Removes the file at a private note's path when it holds exactly the note's text (a mirror
   * before private notes were kept out wrote it); any other file there is someone's and stays.
   */
  private void removeEarlierCopy(NoteRef note) throws Exception {
    String rel = VaultExporter.notePath(note);
    Path file = root.resolve(rel).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return;
    }
    String[] why = new String[1];
    String text = VaultPaths.textOf(Files.readAllBytes(file), why);
    if (text != null && text.equals(ws.openBodyAsync(note.soul()).get().text())) {
      Files.delete(file);
      log.info("the mirror removed {}: it held a private note's text in clear", rel);
    }
  }

  private static String hash(byte[] bytes) {
    return HexFormat.of().formatHex(BlobStore.sha256(bytes));
  }
}
