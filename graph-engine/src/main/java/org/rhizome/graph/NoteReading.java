package org.rhizome.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.markdown.Heading;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.TagCount;
import org.rhizome.graph.query.UnlinkedMention;
import org.rhizome.graph.query.UnresolvedLink;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;

/**
 * Reading notes and what the index knows of them: lookups, links, tags, search, the graph views and
 * the query language. Reads run on the caller's thread with a pooled read-only connection.
 */
public interface NoteReading {
  Optional<Note> findNote(Soul soul) throws StoreException;

  /**
   * The live note that {@code target} names: a soul, a title, an alias or a path such as {@code
   * "Projects/Note"} (as a link in a note of the root folder would resolve it).
   */
  Optional<NoteRef> resolve(String target) throws StoreException;

  /**
   * The current bodies of notes, in one read (a missing note has an empty body): for exports and
   * mirrors.
   */
  List<String> bodies(List<Soul> souls) throws StoreException;

  /**
   * The live note that {@code [[target]]} reaches when written in a note of {@code sourceFolder}
   * (Obsidian's rules).
   */
  Optional<NoteRef> resolveLink(String sourceFolder, String target) throws StoreException;

  /**
   * What {@code [[target]]} (or {@code ![[target]]}, or a Markdown link to a vault file) reaches
   * when written in a note of {@code sourceFolder}: a note, an attachment, or nothing — and then
   * whether the target names a file (a missing attachment, never a note to create).
   */
  LinkDestination linkDestination(String sourceFolder, String target) throws StoreException;

  /**
   * A note's properties: its front matter's keys other than aliases and tags, as parsed from the
   * current body (values: String, Long, Double, Boolean, List, Map; see {@link
   * org.rhizome.graph.markdown.FrontMatter}). Empty for no front matter, invalid YAML, or no such
   * note.
   */
  Map<String, Object> properties(Soul soul) throws StoreException;

  /**
   * A note's outline: its headings in order, parsed from the current body (empty for no such note).
   */
  List<Heading> outline(Soul soul) throws StoreException;

  /** The number of live notes (one index count; cheap). */
  long noteCount() throws StoreException;

  List<NoteRef> listNotes(int limit) throws StoreException;

  /**
   * Every title and alias of every live note (titles first), for pickers; at most {@code limit}.
   */
  List<NoteName> noteNames(int limit) throws StoreException;

  /**
   * Live notes carrying a tag (with or without {@code #}, any case), by title; at most {@code
   * limit}.
   */
  List<NoteRef> notesTagged(String tag, int limit) throws StoreException;

  List<SearchHit> search(String query, int limit) throws StoreException;

  List<Backlink> backlinks(Soul soul, int limit) throws StoreException;

  List<UnlinkedMention> unlinkedMentions(Soul soul, int limit) throws StoreException;

  List<OutgoingLink> outgoingLinks(Soul soul) throws StoreException;

  List<UnresolvedLink> unresolvedLinks(int limit) throws StoreException;

  List<TagCount> tags() throws StoreException;

  GraphView neighbourhood(Soul soul, int depth, int maxNodes) throws StoreException;

  /**
   * Every live note and the links between them, for the global graph: read in one pass over the
   * link table. Over {@code maxNodes} notes, the best connected are kept and the view is truncated.
   */
  GraphView wholeGraph(int maxNodes) throws StoreException;

  /**
   * Runs a query of the query language over the index, with now() the current time and today() the
   * local date (docs/queries.md).
   *
   * @throws QueryException when the text is not a valid query (where, and what was expected)
   */
  QueryResult query(String text) throws StoreException, QueryException;
}
