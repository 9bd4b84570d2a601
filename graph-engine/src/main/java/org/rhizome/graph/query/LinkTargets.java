package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.note.Attachment;

/**
 * Resolves links against the index with {@link LinkResolution}'s rules: a name with a file
 * extension that names an attachment reaches the attachment (never a note, see {@link LinkFiles});
 * otherwise a title match wins, then an alias (aliases are only tried for a bare name). One
 * instance answers many links of one query and remembers its answers, since a popular note's
 * backlinks share few (folder, target) pairs. Confined to one thread and one query.
 */
final class LinkTargets {
  private final Connection c;
  private final Map<String, Optional<Long>> answers = new HashMap<>();
  private final Map<String, Optional<Attachment>> files = new HashMap<>();

  LinkTargets(Connection c) {
    this.c = c;
  }

  /**
   * True if a link with this name and folder part, written in a note of {@code sourceFolderKey},
   * reaches note {@code id}.
   */
  boolean reaches(String sourceFolderKey, String nameKey, String targetFolderKey, long id)
      throws SQLException {
    Optional<Long> to = resolve(sourceFolderKey, nameKey, targetFolderKey);
    return to.isPresent() && to.get() == id;
  }

  Optional<Long> resolve(String sourceFolderKey, String nameKey, String targetFolderKey)
      throws SQLException {
    String cacheKey = sourceFolderKey + '\0' + nameKey + '\0' + targetFolderKey;
    Optional<Long> known = answers.get(cacheKey);
    if (known == null) {
      known = resolve(c, sourceFolderKey, nameKey, targetFolderKey);
      answers.put(cacheKey, known);
    }
    return known;
  }

  /** The attachment the link reaches, if it reaches one. */
  Optional<Attachment> attachment(String sourceFolderKey, String nameKey, String targetFolderKey)
      throws SQLException {
    if (!LinkFiles.mayBeAttachment(nameKey)) {
      return Optional.empty();
    }
    String cacheKey = sourceFolderKey + '\0' + nameKey + '\0' + targetFolderKey;
    Optional<Attachment> known = files.get(cacheKey);
    if (known == null) {
      known = AttachmentQueries.resolveKeys(c, sourceFolderKey, nameKey, targetFolderKey);
      files.put(cacheKey, known);
    }
    return known;
  }

  /** The index id of the live note the link reaches: none when it reaches an attachment. */
  static Optional<Long> resolve(
      Connection c, String sourceFolderKey, String nameKey, String targetFolderKey)
      throws SQLException {
    if (LinkFiles.mayBeAttachment(nameKey)
        && AttachmentQueries.resolveKeys(c, sourceFolderKey, nameKey, targetFolderKey)
            .isPresent()) {
      return Optional.empty();
    }
    Optional<LinkResolution.Candidate> byTitle =
        LinkResolution.choose(
            candidates(
                c,
                "SELECT n.id, n.folder_key, n.created, n.soul FROM note n WHERE n.title_key = ? AND n.deleted = 0",
                nameKey),
            sourceFolderKey,
            targetFolderKey);
    if (byTitle.isPresent()) {
      return Optional.of(byTitle.get().id());
    }
    if (!targetFolderKey.isEmpty()) {
      return Optional.empty();
    }
    return LinkResolution.choose(
            candidates(
                c,
                "SELECT n.id, n.folder_key, n.created, n.soul FROM note_alias a JOIN note n ON n.id = a.note_id"
                    + " WHERE a.alias_key = ? AND n.deleted = 0",
                nameKey),
            sourceFolderKey,
            targetFolderKey)
        .map(LinkResolution.Candidate::id);
  }

  /**
   * The soul a link would reach once note {@code moved} is at ({@code movedFolderKey}, {@code
   * movedTitleKey}) instead of where the index has it; the rest of the index as it is.
   */
  static Optional<String> resolveAfterMove(
      Connection c,
      String sourceFolderKey,
      String nameKey,
      String targetFolderKey,
      String moved,
      String movedFolderKey,
      String movedTitleKey)
      throws SQLException {
    List<LinkResolution.Candidate> titles = new ArrayList<>();
    LinkResolution.Candidate self = null;
    for (LinkResolution.Candidate cand : candidates(c, SELF_AND_TITLE, nameKey, moved)) {
      if (cand.soul().equals(moved)) {
        self = cand;
      } else {
        titles.add(cand);
      }
    }
    if (self != null && movedTitleKey.equals(nameKey)) {
      titles.add(
          new LinkResolution.Candidate(self.id(), movedFolderKey, self.created(), self.soul()));
    }
    Optional<LinkResolution.Candidate> byTitle =
        LinkResolution.choose(titles, sourceFolderKey, targetFolderKey);
    if (byTitle.isPresent() || !targetFolderKey.isEmpty()) {
      return byTitle.map(LinkResolution.Candidate::soul);
    }
    List<LinkResolution.Candidate> aliases = new ArrayList<>();
    for (LinkResolution.Candidate cand :
        candidates(
            c,
            "SELECT n.id, n.folder_key, n.created, n.soul FROM note_alias a"
                + " JOIN note n ON n.id = a.note_id WHERE a.alias_key = ? AND n.deleted = 0",
            nameKey)) {
      aliases.add(
          cand.soul().equals(moved)
              ? new LinkResolution.Candidate(cand.id(), movedFolderKey, cand.created(), cand.soul())
              : cand);
    }
    return LinkResolution.choose(aliases, sourceFolderKey, targetFolderKey)
        .map(LinkResolution.Candidate::soul);
  }

  /** Notes titled by the key, and the moved note itself (whatever its title is now). */
  private static final String SELF_AND_TITLE =
      "SELECT n.id, n.folder_key, n.created, n.soul FROM note n"
          + " WHERE (n.title_key = ? OR n.soul = ?) AND n.deleted = 0";

  private static List<LinkResolution.Candidate> candidates(
      Connection c, String sql, String key, String soul) throws SQLException {
    PreparedStatement ps = CachedStatements.prepare(c, sql);
    ps.setString(1, key);
    ps.setString(2, soul);
    return read(ps);
  }

  private static List<LinkResolution.Candidate> candidates(Connection c, String sql, String key)
      throws SQLException {
    PreparedStatement ps = CachedStatements.prepare(c, sql);
    ps.setString(1, key);
    return read(ps);
  }

  private static List<LinkResolution.Candidate> read(PreparedStatement ps) throws SQLException {
    List<LinkResolution.Candidate> out = new ArrayList<>(1);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new LinkResolution.Candidate(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
      }
    }
    return out;
  }
}
