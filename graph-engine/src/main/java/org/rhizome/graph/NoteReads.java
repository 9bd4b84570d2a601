package org.rhizome.graph;

import java.util.ArrayList;
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
import org.rhizome.graph.query.NameQueries;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.SearchQueries;
import org.rhizome.graph.query.TagCount;
import org.rhizome.graph.query.UnlinkedMention;
import org.rhizome.graph.query.UnresolvedLink;
import org.rhizome.graph.query.WholeGraphQueries;
import org.rhizome.graph.query.lang.Ast;
import org.rhizome.graph.query.lang.Parser;
import org.rhizome.graph.query.lang.QueryEngine;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;

/** {@link NoteReading}: each read is one query of the index on a pooled read-only connection. */
final class NoteReads implements NoteReading {
  private final GraphStore store;
  private final ParsedBodies parsedBodies;

  NoteReads(GraphStore store, ParsedBodies parsedBodies) {
    this.store = store;
    this.parsedBodies = parsedBodies;
  }

  @Override
  public Optional<Note> findNote(Soul soul) throws StoreException {
    return store.read(
        c -> {
          Optional<NoteRef> ref = NoteQueries.find(c, soul);
          if (ref.isEmpty()) {
            return Optional.empty();
          }
          NoteRef r = ref.get();
          return Optional.of(
              new Note(
                  r.soul(),
                  r.title(),
                  NoteQueries.body(c, soul),
                  r.created(),
                  r.modified(),
                  NoteQueries.tagsOf(c, soul),
                  NoteQueries.aliasesOf(c, soul),
                  r.folder()));
        });
  }

  @Override
  public Optional<NoteRef> resolve(String target) throws StoreException {
    return store.read(
        c -> {
          if (Soul.isValid(target)) {
            Optional<NoteRef> bySoul = NoteQueries.find(c, new Soul(target));
            if (bySoul.isPresent()) {
              return bySoul;
            }
          }
          return NoteQueries.resolve(c, target);
        });
  }

  @Override
  public List<String> bodies(List<Soul> souls) throws StoreException {
    return store.read(
        c -> {
          List<String> out = new ArrayList<>(souls.size());
          for (Soul s : souls) {
            out.add(NoteQueries.body(c, s));
          }
          return out;
        });
  }

  @Override
  public Optional<NoteRef> resolveLink(String sourceFolder, String target) throws StoreException {
    return store.read(c -> NoteQueries.resolve(c, sourceFolder, target));
  }

  @Override
  public LinkDestination linkDestination(String sourceFolder, String target) throws StoreException {
    return store.read(c -> NoteQueries.destination(c, sourceFolder, target));
  }

  @Override
  public Map<String, Object> properties(Soul soul) throws StoreException {
    return parsedBodies.parse(body(soul)).frontMatter().properties();
  }

  @Override
  public List<Heading> outline(Soul soul) throws StoreException {
    return parsedBodies.parse(body(soul)).headings();
  }

  private String body(Soul soul) throws StoreException {
    return store.read(c -> NoteQueries.body(c, soul));
  }

  @Override
  public long noteCount() throws StoreException {
    return store.read(NoteQueries::count);
  }

  @Override
  public List<NoteRef> listNotes(int limit) throws StoreException {
    return store.read(c -> NoteQueries.list(c, limit));
  }

  @Override
  public List<NoteName> noteNames(int limit) throws StoreException {
    return store.read(c -> NameQueries.names(c, limit));
  }

  @Override
  public List<NoteRef> notesTagged(String tag, int limit) throws StoreException {
    return store.read(c -> NameQueries.tagged(c, tag, limit));
  }

  @Override
  public List<SearchHit> search(String query, int limit) throws StoreException {
    return store.read(c -> SearchQueries.search(c, query, limit));
  }

  @Override
  public List<Backlink> backlinks(Soul soul, int limit) throws StoreException {
    return store.read(c -> NoteQueries.backlinks(c, soul, limit));
  }

  @Override
  public List<UnlinkedMention> unlinkedMentions(Soul soul, int limit) throws StoreException {
    return store.read(c -> SearchQueries.unlinkedMentions(c, soul, limit));
  }

  @Override
  public List<OutgoingLink> outgoingLinks(Soul soul) throws StoreException {
    return store.read(c -> NoteQueries.outgoing(c, soul));
  }

  @Override
  public List<UnresolvedLink> unresolvedLinks(int limit) throws StoreException {
    return store.read(c -> NoteQueries.unresolved(c, limit));
  }

  @Override
  public List<TagCount> tags() throws StoreException {
    return store.read(NoteQueries::tags);
  }

  @Override
  public GraphView neighbourhood(Soul soul, int depth, int maxNodes) throws StoreException {
    return store.read(c -> NoteQueries.neighbourhood(c, soul, depth, maxNodes));
  }

  @Override
  public GraphView wholeGraph(int maxNodes) throws StoreException {
    return store.read(c -> WholeGraphQueries.wholeGraph(c, maxNodes));
  }

  @Override
  public QueryResult query(String text) throws StoreException, QueryException {
    Ast.Query q = Parser.parse(text);
    long now = System.currentTimeMillis();
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    QueryException[] failed = new QueryException[1];
    QueryResult result =
        store.read(
            c -> {
              try {
                return QueryEngine.run(c, text, q, now, zone);
              } catch (QueryException e) {
                failed[0] = e;
                return null;
              }
            });
    if (failed[0] != null) {
      throw failed[0];
    }
    return result;
  }
}
