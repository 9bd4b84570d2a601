package org.rhizome.graph.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.files.AtomicFile;
import org.rhizome.graph.files.AtomicFile.Durability;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.NoteRef;

/**
 * Writes a workspace as a vault: each live note as {@code folder/title.md} holding its body
 * verbatim (front matter included), each attachment's bytes at its path. Links are not rewritten:
 * notes keep the folders and names they were linked by, so Obsidian resolves them to the same
 * notes. Files are written atomically and only when their bytes differ, so exporting into the vault
 * a workspace came from touches nothing that did not change. Files already in the folder that the
 * workspace does not have are left alone.
 *
 * <p>Private notes (issue 16) are left out unless asked for ({@link #includingPrivate}): their
 * title and text rest only sealed in the workspace, and a vault is plain files that other tools,
 * backups and sync services read — and a vault is often made to be handed on. The report counts
 * them.
 *
 * <p>Names a file system cannot hold as they are (a folder that came from a peer with {@code ..} in
 * it, two notes at the same path ignoring case) get a safe name and a {@link VaultProblem}.
 */
public final class VaultExporter {
  private static final int READ_BATCH = 500;

  private final Workspace ws;
  private final boolean includePrivate;

  /** An exporter that leaves private notes out. */
  public VaultExporter(Workspace ws) {
    this(ws, false);
  }

  private VaultExporter(Workspace ws, boolean includePrivate) {
    this.ws = ws;
    this.includePrivate = includePrivate;
  }

  /** The same export with the private notes this device reads written too, in clear. */
  public VaultExporter includingPrivate() {
    return new VaultExporter(ws, true);
  }

  /**
   * @throws IOException when a file cannot be written (what was written before stays)
   * @throws VaultCancelledException when {@code progress} asked to stop
   */
  public ExportReport export(Path dir, VaultProgress progress)
      throws IOException, StoreException, VaultCancelledException {
    long start = System.nanoTime();
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    List<VaultProblem> problems = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    List<NoteRef> notes = new ArrayList<>(ws.listNotes(Integer.MAX_VALUE));
    int privateLeftOut = 0;
    if (!includePrivate) {
      int all = notes.size();
      notes.removeIf(n -> ws.isPrivate(n.soul()));
      privateLeftOut = all - notes.size();
    }
    notes.sort(
        (a, b) ->
            Long.compare(a.created(), b.created()) != 0
                ? Long.compare(a.created(), b.created())
                : a.soul().value().compareTo(b.soul().value()));
    List<Attachment> attachments = ws.attachments(Integer.MAX_VALUE);
    int[] counts = new int[4];
    progress.update("notes", 0, notes.size());
    for (int from = 0; from < notes.size(); from += READ_BATCH) {
      if (progress.cancelled()) {
        throw new VaultCancelledException(
            "The export was cancelled; the files written so far are complete.");
      }
      List<NoteRef> chunk = notes.subList(from, Math.min(notes.size(), from + READ_BATCH));
      List<String> bodies = readableBodies(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        NoteRef note = chunk.get(i);
        String relative =
            place(note.folder(), note.title(), VaultPaths.NOTE_EXTENSION, taken, problems);
        if (bodies.get(i) == null) {
          problems.add(
              new VaultProblem(
                  relative,
                  "not written: its text cannot be read from the damaged workspace"
                      + " (`rhizome repair` rebuilds it from the log)"));
          continue;
        }
        boolean wrote =
            AtomicFile.replaceIfChanged(
                resolve(root, relative),
                bodies.get(i).getBytes(StandardCharsets.UTF_8),
                Durability.FLUSHED);
        counts[wrote ? 0 : 1]++;
      }
      progress.update("notes", Math.min(notes.size(), from + READ_BATCH), notes.size());
    }
    int done = 0;
    progress.update("attachments", 0, attachments.size());
    for (Attachment a : attachments) {
      if (progress.cancelled()) {
        throw new VaultCancelledException(
            "The export was cancelled; the files written so far are complete.");
      }
      String relative = place(a.folder(), a.name(), "", taken, problems);
      Optional<byte[]> bytes = ws.attachmentBytes(a);
      if (bytes.isEmpty()) {
        problems.add(
            new VaultProblem(relative, "not written: this device does not have its bytes yet"));
      } else {
        boolean wrote =
            AtomicFile.replaceIfChanged(resolve(root, relative), bytes.get(), Durability.FLUSHED);
        counts[wrote ? 2 : 3]++;
      }
      progress.update("attachments", ++done, attachments.size());
    }
    return new ExportReport(
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        problems,
        (System.nanoTime() - start) / 1_000_000,
        privateLeftOut);
  }

  /**
   * The bodies of {@code chunk}, in order; when the batch cannot be read (a damaged file), each
   * note is read on its own so that every readable one is still exported: null for those that
   * cannot be.
   */
  private List<String> readableBodies(List<NoteRef> chunk) throws StoreException {
    try {
      return ws.bodies(chunk.stream().map(NoteRef::soul).toList());
    } catch (CorruptDatabaseException batchFailed) {
      List<String> bodies = new ArrayList<>(chunk.size());
      for (NoteRef note : chunk) {
        try {
          bodies.add(ws.bodies(List.of(note.soul())).get(0));
        } catch (CorruptDatabaseException unreadable) {
          bodies.add(null);
        }
      }
      return bodies;
    }
  }

  /**
   * Where a note or attachment goes: its own path, or a safe, free one (with a problem saying why).
   */
  static String place(
      String folder,
      String name,
      String extension,
      Set<String> taken,
      List<VaultProblem> problems) {
    String safeFolder;
    try {
      safeFolder = NoteFolders.check(folder);
    } catch (InvalidTitleException e) {
      safeFolder = sanitizeFolder(folder);
    }
    String safeName = sanitizeName(name);
    String wanted = NoteFolders.path(folder, name) + extension;
    String relative = NoteFolders.path(safeFolder, safeName) + extension;
    String base = NoteFolders.path(safeFolder, safeName);
    for (int n = 2; !taken.add(NoteFolders.key(relative)); n++) {
      relative = base + " (" + n + ")" + extension;
    }
    if (!relative.equals(wanted)) {
      problems.add(
          new VaultProblem(
              relative,
              "written here instead of \"" + wanted + "\" (that name cannot be used or is taken)"));
    }
    return relative;
  }

  private static String sanitizeFolder(String folder) {
    List<String> parts = new ArrayList<>();
    for (String segment : folder.split("[/\\\\]")) {
      String s = sanitizeName(segment.strip());
      if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  private static String sanitizeName(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      out.append(ch == '/' || ch == '\\' || Character.isISOControl(ch) ? '-' : ch);
    }
    String s = out.toString();
    if (s.isBlank() || s.equals(".") || s.equals("..")) {
      return "untitled";
    }
    return s.length() > AttachmentFields.MAX_NAME_LENGTH
        ? s.substring(0, AttachmentFields.MAX_NAME_LENGTH)
        : s;
  }

  private static Path resolve(Path root, String relative) throws IOException {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw new IOException("refusing to write outside the export folder: " + relative);
    }
    return p;
  }

  /** The file a note is exported to, relative to the vault: {@code folder/title.md}. */
  public static String notePath(NoteRef note) {
    return NoteFolders.path(note.folder(), note.title()) + VaultPaths.NOTE_EXTENSION;
  }
}
