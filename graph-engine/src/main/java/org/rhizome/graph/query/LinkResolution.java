package org.rhizome.graph.query;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Which of the notes a link's name matches it reaches, the way Obsidian resolves links in a vault.
 * Pure rules, no I/O: the caller finds the candidates (live notes whose title, or else alias, is
 * the link's name) and passes folder keys ({@link org.rhizome.graph.note.NoteFolders#key}).
 *
 * <ul>
 *   <li>A bare name ({@code [[Note]]}): the note in the linking note's own folder; else the one
 *       with the shortest path.
 *   <li>A name with a folder ({@code [[Projects/Note]]}): the note at that path from the vault's
 *       root; else at that path from the linking note's folder ({@code ./} and {@code ../} are read
 *       there); else the shortest path ending in that folder ({@code [[2024/Note]]} reaches {@code
 *       Projects/2024/Note}). None of those: unresolved.
 *   <li>Ties (two replicas that created the same path concurrently): the earliest created, then the
 *       lowest soul, so every replica answers the same.
 * </ul>
 */
public final class LinkResolution {

  /** A note the link's name matches: its index id, folder key, creation time and soul. */
  public record Candidate(long id, String folderKey, long created, String soul) {}

  private static final Comparator<Candidate> OLDEST =
      Comparator.comparingLong(Candidate::created).thenComparing(Candidate::soul);
  private static final Comparator<Candidate> SHORTEST =
      Comparator.comparingInt((Candidate c) -> c.folderKey().length())
          .thenComparing(Candidate::folderKey)
          .thenComparing(OLDEST);

  private LinkResolution() {}

  /**
   * @param candidates notes whose title (or alias) key is the link's name
   * @param sourceFolderKey the linking note's folder key ({@code ""} for the root)
   * @param targetFolderKey the link's folder part ({@link
   *     org.rhizome.graph.note.NoteKeys#linkFolderKey}), {@code ""} if none
   */
  public static Optional<Candidate> choose(
      List<Candidate> candidates, String sourceFolderKey, String targetFolderKey) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (targetFolderKey.isEmpty()) {
      if (candidates.size() == 1) {
        return Optional.of(candidates.get(0));
      }
      Optional<Candidate> here =
          candidates.stream().filter(c -> c.folderKey().equals(sourceFolderKey)).min(OLDEST);
      return here.isPresent() ? here : candidates.stream().min(SHORTEST);
    }
    boolean relativeOnly = targetFolderKey.startsWith(".");
    if (!relativeOnly) {
      Optional<Candidate> fromRoot = inFolder(candidates, targetFolderKey);
      if (fromRoot.isPresent()) {
        return fromRoot;
      }
    }
    Optional<String> relative =
        normalize(
            sourceFolderKey.isEmpty() ? targetFolderKey : sourceFolderKey + "/" + targetFolderKey);
    if (relative.isPresent()) {
      Optional<Candidate> fromHere = inFolder(candidates, relative.get());
      if (fromHere.isPresent() || relativeOnly) {
        return fromHere;
      }
    } else if (relativeOnly) {
      return Optional.empty();
    }
    String suffix = "/" + targetFolderKey;
    return candidates.stream().filter(c -> c.folderKey().endsWith(suffix)).min(SHORTEST);
  }

  private static Optional<Candidate> inFolder(List<Candidate> candidates, String folderKey) {
    return candidates.stream().filter(c -> c.folderKey().equals(folderKey)).min(OLDEST);
  }

  /** Resolves {@code .} and {@code ..} segments; empty when {@code ..} climbs above the root. */
  static Optional<String> normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
