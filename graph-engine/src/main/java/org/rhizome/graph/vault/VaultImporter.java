package org.rhizome.graph.vault;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.store.BlobStore;

/**
 * Takes a folder of Markdown in whole: every {@code .md} file becomes a note (title from the file
 * name, folder kept, text verbatim, front matter included), every other file an attachment.
 * Re-importing updates what changed and creates no duplicates (a note is matched by folder and
 * title, ignoring case; its body changes by a diff). Files that cannot be notes as they are (not
 * UTF-8, too large, a name a title cannot have, a clash ignoring case) are kept as attachments, so
 * an export gives them back; hidden files and folders are left out. Every such case is a {@link
 * VaultProblem}, never an error.
 *
 * <p>Notes are created in batches of {@value #BATCH} (one transaction each), read and parsed on the
 * common pool while the writer creates the batch before. Cancelling (between batches) undoes what
 * the import did: the notes and attachments it created are deleted and the bodies it changed are
 * restored. Not thread-safe: one import at a time.
 */
public final class VaultImporter {
  static final int BATCH = 1000;
  static final int MAX_BROKEN_LINKS = 1000;
  private static final long ATTACHMENT_BATCH_BYTES = 32L << 20;

  /** Stands for the parse of a file the note already has: nothing new to report. */
  private static final ParsedNote UNCHANGED =
      new ParsedNote(
          List.of(), List.of(), List.of(), org.rhizome.graph.markdown.FrontMatter.EMPTY, List.of());

  private final Workspace ws;
  private final List<VaultProblem> problems = new ArrayList<>();
  private final List<Soul> created = new ArrayList<>();
  private final Map<Soul, String> previousBodies = new HashMap<>();
  private final List<Soul> createdAttachments = new ArrayList<>();

  /** The batch of notes the writer is creating, if any. */
  private @Nullable CompletableFuture<List<Soul>> pendingBatch;

  public VaultImporter(Workspace ws) {
    this.ws = ws;
  }

  /** A file found in the vault. */
  private record Found(Path file, String relative, long size) {}

  /** A note file read and checked. */
  private record NoteFile(
      String relative, String folder, String title, String body, ParsedNote parsed) {}

  /**
   * Imports {@code dir} into the workspace.
   *
   * @throws IOException when {@code dir} cannot be listed at all (a file that cannot be read is a
   *     problem)
   * @throws VaultCancelledException when {@code progress} asked to stop; the import was undone
   */
  public ImportReport importVault(Path dir, VaultProgress progress)
      throws IOException, StoreException, VaultCancelledException {
    long start = System.nanoTime();
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder");
    }
    List<Found> notes = new ArrayList<>();
    List<Found> others = new ArrayList<>();
    int skipped = scan(root, notes, others);

    Map<String, NoteRef> existing = new HashMap<>();
    for (NoteRef ref : ws.listNotes(Integer.MAX_VALUE)) {
      existing.putIfAbsent(pathKey(ref.folder(), ref.title()), ref);
    }
    int[] counts =
        new int[5]; // created, updated, unchanged, attachments stored, attachments unchanged
    List<Found> demoted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      progress.update("notes", 0, notes.size());
      for (int from = 0; from < notes.size(); from += BATCH) {
        checkCancelled(progress);
        List<Found> chunk = notes.subList(from, Math.min(notes.size(), from + BATCH));
        Map<String, String> currentBodies = currentBodies(chunk, existing);
        List<Object> read = readNotes(chunk, currentBodies);
        List<NoteDraft> drafts = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
          Object r = read.get(i);
          if (r instanceof String why) {
            problems.add(
                new VaultProblem(chunk.get(i).relative(), "kept as a file, not a note: " + why));
            demoted.add(chunk.get(i));
            continue;
          }
          NoteFile nf = (NoteFile) r;
          String key = pathKey(nf.folder(), nf.title());
          if (!seen.add(key)) {
            problems.add(
                new VaultProblem(
                    nf.relative(),
                    "kept as a file, not a note: another file has the same name ignoring case"));
            demoted.add(chunk.get(i));
            continue;
          }
          for (String p : nf.parsed().problems()) {
            problems.add(new VaultProblem(nf.relative(), p + " (the text is kept as it is)"));
          }
          NoteRef old = existing.get(key);
          if (old == null) {
            drafts.add(new NoteDraft(nf.folder(), nf.title(), nf.body()));
          } else {
            String before = currentBodies.getOrDefault(nf.relative(), "");
            if (before.equals(nf.body())) {
              counts[2]++;
            } else {
              await(ws.editBodyAsync(old.soul(), nf.body()));
              previousBodies.putIfAbsent(old.soul(), before);
              counts[1]++;
            }
          }
        }
        // The writer creates this batch while the next one is read and parsed on the other cores.
        awaitPendingBatch();
        if (!drafts.isEmpty()) {
          pendingBatch = ws.createDraftsAsync(drafts);
          counts[0] += drafts.size();
        }
        progress.update("notes", Math.min(notes.size(), from + BATCH), notes.size());
      }
      awaitPendingBatch();
      others.addAll(demoted);
      importAttachments(others, counts, progress);
    } catch (VaultCancelledException e) {
      awaitPendingBatch();
      undo();
      throw e;
    }
    problems.sort((a, b) -> a.path().compareTo(b.path()));
    Optional<String> attachmentFolder = AttachmentFolderSetting.readFromVault(root);
    if (attachmentFolder.isPresent()) {
      await(ws.setLocalSettingAsync(AttachmentFolderSetting.SETTING, attachmentFolder.get()));
    }
    return new ImportReport(
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        skipped,
        problems,
        ws.unresolvedLinks(MAX_BROKEN_LINKS),
        (System.nanoTime() - start) / 1_000_000);
  }

  private int scan(Path root, List<Found> notes, List<Found> others) throws IOException {
    int[] skipped = {0};
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (!d.equals(root) && d.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            String rel = VaultPaths.relative(root, f);
            if (VaultPaths.isHidden(rel)) {
              return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
              problems.add(
                  new VaultProblem(rel, "left out: not a regular file (a link or a device)"));
              skipped[0]++;
            } else if (VaultPaths.isNoteFile(f.getFileName().toString())) {
              notes.add(new Found(f, rel, attrs.size()));
            } else {
              others.add(new Found(f, rel, attrs.size()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            problems.add(
                new VaultProblem(
                    VaultPaths.relative(root, f),
                    "left out: it cannot be read (" + e.getMessage() + ")"));
            skipped[0]++;
            return FileVisitResult.CONTINUE;
          }
        });
    notes.sort((a, b) -> a.relative().compareTo(b.relative()));
    others.sort((a, b) -> a.relative().compareTo(b.relative()));
    return skipped[0];
  }

  /**
   * The bodies of the notes already in the workspace at the chunk's paths, by relative path: one
   * read.
   */
  private Map<String, String> currentBodies(List<Found> chunk, Map<String, NoteRef> existing)
      throws StoreException {
    List<String> paths = new ArrayList<>();
    List<Soul> souls = new ArrayList<>();
    for (Found f : chunk) {
      NoteRef ref =
          existing.get(pathKey(NoteFolders.parentOf(f.relative()), titleOfPath(f.relative())));
      if (ref != null) {
        paths.add(f.relative());
        souls.add(ref.soul());
      }
    }
    Map<String, String> out = new HashMap<>();
    List<String> bodies = ws.bodies(souls);
    for (int i = 0; i < paths.size(); i++) {
      out.put(paths.get(i), bodies.get(i));
    }
    return out;
  }

  private static String titleOfPath(String relative) {
    String name = NoteFolders.nameOf(relative);
    return name.substring(0, name.length() - VaultPaths.NOTE_EXTENSION.length());
  }

  /**
   * Reads, decodes and parses a chunk in parallel: a {@link NoteFile}, or a String saying why it
   * cannot be a note. A file whose text the note already has is not parsed again.
   */
  private List<Object> readNotes(List<Found> chunk, Map<String, String> currentBodies) {
    Future<List<Object>> job =
        ForkJoinPool.commonPool()
            .submit(
                () ->
                    chunk.parallelStream()
                        .map(f -> readNote(f, currentBodies.get(f.relative())))
                        .toList());
    try {
      return job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading notes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading notes failed", e.getCause());
    }
  }

  private Object readNote(Found f, @Nullable String currentBody) {
    String[] why = new String[1];
    String folder = VaultPaths.folderOf(f.relative(), why);
    String title =
        folder == null ? null : VaultPaths.titleOf(NoteFolders.nameOf(f.relative()), why);
    if (title == null) {
      return why[0];
    }
    byte[] bytes;
    try {
      if (f.size() > VaultPaths.MAX_NOTE_BYTES) {
        return "it is larger than a note can be ("
            + VaultPaths.MAX_NOTE_BYTES / (1 << 20)
            + " MiB)";
      }
      bytes = Files.readAllBytes(f.file());
    } catch (IOException e) {
      return "it cannot be read (" + e.getMessage() + ")";
    }
    String body = VaultPaths.textOf(bytes, why);
    if (body == null) {
      return why[0];
    }
    ParsedNote parsed = body.equals(currentBody) ? UNCHANGED : ws.parseAhead(body);
    return new NoteFile(f.relative(), folder, title, body, parsed);
  }

  private void importAttachments(List<Found> files, int[] counts, VaultProgress progress)
      throws StoreException, VaultCancelledException {
    Map<String, Attachment> existing = new HashMap<>();
    for (Attachment a : ws.attachments(Integer.MAX_VALUE)) {
      existing.putIfAbsent(NoteFolders.key(a.folder()) + "/" + NoteKeys.titleKey(a.name()), a);
    }
    files.sort((a, b) -> a.relative().compareTo(b.relative()));
    progress.update("attachments", 0, files.size());
    List<AttachmentDraft> batch = new ArrayList<>();
    long batchBytes = 0;
    int done = 0;
    for (Found f : files) {
      String[] why = new String[1];
      String folder = VaultPaths.folderOf(f.relative(), why);
      String name = NoteFolders.nameOf(f.relative());
      if (folder == null) {
        problems.add(new VaultProblem(f.relative(), "left out: " + why[0]));
        continue;
      }
      if (f.size() > BlobStore.MAX_BLOB_BYTES) {
        problems.add(
            new VaultProblem(
                f.relative(),
                "left out: larger than the "
                    + (BlobStore.MAX_BLOB_BYTES >> 20)
                    + " MiB an attachment can be (the file itself is untouched)"));
        continue;
      }
      byte[] data;
      try {
        data = Files.readAllBytes(f.file());
      } catch (IOException e) {
        problems.add(
            new VaultProblem(f.relative(), "left out: it cannot be read (" + e.getMessage() + ")"));
        continue;
      }
      Attachment old = existing.get(NoteFolders.key(folder) + "/" + NoteKeys.titleKey(name));
      if (old != null && old.hash().equals(HexFormat.of().formatHex(BlobStore.sha256(data)))) {
        counts[4]++;
      } else {
        batch.add(new AttachmentDraft(folder, name, data, AttachmentFields.mimeOf(name)));
        batchBytes += data.length;
        counts[3]++;
        if (old == null) {
          existing.put(NoteFolders.key(folder) + "/" + NoteKeys.titleKey(name), null);
        }
      }
      if (batchBytes >= ATTACHMENT_BATCH_BYTES || batch.size() >= BATCH) {
        flushAttachments(batch, existing);
        batchBytes = 0;
        checkCancelled(progress);
      }
      progress.update("attachments", ++done, files.size());
    }
    flushAttachments(batch, existing);
  }

  private void flushAttachments(List<AttachmentDraft> batch, Map<String, Attachment> existing)
      throws StoreException {
    if (batch.isEmpty()) {
      return;
    }
    List<Soul> souls = await(ws.putAttachmentsAsync(batch));
    for (int i = 0; i < souls.size(); i++) {
      AttachmentDraft d = batch.get(i);
      if (existing.get(NoteFolders.key(d.folder()) + "/" + NoteKeys.titleKey(d.name())) == null) {
        createdAttachments.add(souls.get(i));
      }
    }
    batch.clear();
  }

  private void awaitPendingBatch() throws StoreException {
    CompletableFuture<List<Soul>> batch = pendingBatch;
    pendingBatch = null;
    if (batch != null) {
      created.addAll(await(batch));
    }
  }

  private static void checkCancelled(VaultProgress progress) throws VaultCancelledException {
    if (progress.cancelled()) {
      throw new VaultCancelledException("The import was cancelled; nothing of it was kept.");
    }
  }

  /** Deletes what this import created and restores the bodies it changed. */
  private void undo() throws StoreException {
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (Soul s : created) {
      pending.add(ws.deleteNoteAsync(s));
    }
    for (Map.Entry<Soul, String> e : previousBodies.entrySet()) {
      pending.add(ws.editBodyAsync(e.getKey(), e.getValue()));
    }
    for (Soul s : createdAttachments) {
      pending.add(ws.deleteAttachmentAsync(s));
    }
    for (CompletableFuture<?> f : pending) {
      await(f);
    }
  }

  static String pathKey(String folder, String title) {
    return NoteFolders.key(folder) + "/" + NoteKeys.titleKey(title);
  }

  private static <T> T await(CompletableFuture<T> future) throws StoreException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while importing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException se) {
        throw se;
      }
      throw new StoreException(
          "the import could not be written: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
