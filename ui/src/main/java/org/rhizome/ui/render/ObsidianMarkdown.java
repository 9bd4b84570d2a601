package org.rhizome.ui.render;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.ParseLimits;

/**
 * Obsidian Flavored Markdown to HTML, without a window: CommonMark and GFM (tables, strikethrough,
 * footnotes) through Flexmark, plus Obsidian's own syntax — wikilinks and embeds of notes,
 * headings, blocks and attachments (with sizes), callouts, {@code ==highlights==}, {@code
 * %%comments%%}, block ids, task items of any state, {@code $maths$}, Mermaid and highlighted code.
 * What a link reaches is asked of a {@link RenderLinks}, so the reading view and the HTML export
 * render the same way.
 *
 * <p>Raw HTML in a note is escaped, not run. Maths, diagrams and code colours are drawn in the page
 * by bundled scripts ({@link PageAssets}); this class marks them up.
 *
 * <p>Thread-safe: render from any thread (Flexmark's parser and renderer are thread-safe).
 */
public final class ObsidianMarkdown {
  /**
   * How deep embeds nest before an embed shows as a link only (Obsidian's own limit is similar).
   */
  public static final int MAX_EMBED_DEPTH = 4;

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final Map<String, FencedBlockRenderer> fencedBlocks = new ConcurrentHashMap<>();
  private volatile BlockCache cache;

  /**
   * Runs of blocks smaller than this are not cut apart ({@link MarkdownBlocks}); tests set it low.
   */
  int minRun = MarkdownBlocks.MIN_RUN;

  /**
   * Runs to render adding up to this many characters render on several threads (the common
   * fork-join pool and the caller); fewer are not worth the hand-over.
   */
  static final int PARALLEL_CHARS = 32 * 1024;

  public ObsidianMarkdown() {
    MutableDataSet options = new MutableDataSet();
    // Ours last: for a node type, the renderer of the last extension wins over earlier ones and the
    // core.
    options.set(
        Parser.EXTENSIONS,
        List.of(
            WikiLinkExtension.create(),
            TablesExtension.create(),
            StrikethroughExtension.create(),
            FootnoteExtension.create(),
            new Extension()));
    options.set(WikiLinkExtension.LINK_FIRST_SYNTAX, true);
    options.set(WikiLinkExtension.IMAGE_LINKS, true);
    options.set(WikiLinkExtension.ALLOW_PIPE_ESCAPE, true);
    options.set(WikiLinkExtension.LINK_ESCAPE_CHARS, "");
    options.set(WikiLinkExtension.LINK_REPLACE_CHARS, "");
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    // A line break inside a paragraph is a space, as in every Markdown reader.
    options.set(HtmlRenderer.SOFT_BREAK, " ");
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    // The engine's limits on nesting and its linear inline parser: a hostile body (thousands of
    // nested list markers) otherwise takes time quadratic in its size here too.
    this.parser =
        Parser.builder(options)
            .customInlineParserFactory(MarkdownParser.linearInlineParser())
            .build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /**
   * Renders fenced code blocks of {@code language} (say {@code query}) with {@code blockRenderer}
   * instead of as code. Returns this, for chaining.
   */
  public ObsidianMarkdown withFencedBlock(String language, FencedBlockRenderer blockRenderer) {
    fencedBlocks.put(language.toLowerCase(java.util.Locale.ROOT), blockRenderer);
    return this;
  }

  FencedBlockRenderer fencedBlock(String language) {
    return fencedBlocks.get(language);
  }

  /**
   * Keeps the HTML of runs of blocks between renders (up to about {@code maxChars} characters), so
   * a big note that changed in one place renders again only there ({@link BlockCache}). For a view
   * that renders the same notes again and again; an export renders each note once and needs none.
   * Returns this.
   */
  public ObsidianMarkdown withBlockCache(long maxChars) {
    this.cache = new BlockCache(maxChars);
    return this;
  }

  /**
   * Renders a note's Markdown.
   *
   * @param noteId the note's id, so that it is not embedded in itself ({@code null} when it has
   *     none)
   * @param sourceFolder the note's folder ({@code ""} for the root), which links resolve from
   */
  public RenderedNote render(
      String markdown, String noteId, String sourceFolder, RenderLinks links) {
    RenderState.Collected collected = new RenderState.Collected();
    String text = prepare(markdown);
    BlockCache blocks = cache;
    List<MarkdownBlocks.Run> runs = MarkdownBlocks.split(text, minRun);
    BlockCache.Entry[] entries = new BlockCache.Entry[runs.size()];
    List<Integer> missing = new ArrayList<>();
    long missingChars = 0;
    for (int i = 0; i < runs.size(); i++) {
      BlockCache.Key key = key(runs.get(i), noteId, sourceFolder);
      entries[i] = blocks == null ? null : blocks.get(key, links);
      if (entries[i] == null) {
        missing.add(i);
        missingChars += runs.get(i).text().length();
      }
    }
    if (missingChars >= PARALLEL_CHARS && missing.size() > 1) {
      // A big note not seen before (the first reading view of it, an export's big page): its runs
      // render alone, so the cores share them.
      missing.parallelStream()
          .forEach(
              i ->
                  entries[i] =
                      renderRun(
                          runs.get(i).text(),
                          noteId,
                          sourceFolder,
                          links,
                          blocks,
                          key(runs.get(i), noteId, sourceFolder)));
    } else {
      for (int i : missing) {
        entries[i] =
            renderRun(
                runs.get(i).text(),
                noteId,
                sourceFolder,
                links,
                blocks,
                key(runs.get(i), noteId, sourceFolder));
      }
    }
    List<PageAssembly.Part> parts = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      BlockCache.Entry e = entries[i];
      collected.features.addAll(e.features());
      collected.linked.addAll(e.linked());
      collected.embedded.addAll(e.embedded());
      parts.add(
          new PageAssembly.Part(e.html(), runs.get(i).start(), e.footnotes(), e.inlineFootnotes()));
    }
    PageAssembly.Joined page = PageAssembly.joinWithFold(parts);
    return new RenderedNote(
        page.html(),
        Set.copyOf(collected.features),
        Set.copyOf(collected.linked),
        Set.copyOf(collected.embedded),
        page.fold(),
        page.segments());
  }

  /**
   * The start of a note, rendered before the rest so a reading view can show it at once: its first
   * runs of blocks up to about two screens of HTML ({@link PageAssembly#FOLD_CHARS}), numbered as
   * in the whole note; a footnote defined further down shows as its source until the whole note is
   * rendered ({@link #render}, which reuses these runs from the block cache). Its features are the
   * start's only. {@link Start#whole()} when the start is the whole note (then it is exactly {@link
   * #render}'s result).
   */
  public Start renderStart(String markdown, String noteId, String sourceFolder, RenderLinks links) {
    String text = prepare(markdown);
    List<MarkdownBlocks.Run> runs = MarkdownBlocks.split(text, minRun);
    BlockCache blocks = cache;
    List<PageAssembly.Part> parts = new ArrayList<>();
    Set<RenderedNote.Feature> features = java.util.EnumSet.noneOf(RenderedNote.Feature.class);
    Set<String> linked = new LinkedHashSet<>();
    Set<String> embedded = new LinkedHashSet<>();
    long chars = 0;
    int i = 0;
    for (; i < runs.size() && chars < PageAssembly.FOLD_CHARS; i++) {
      MarkdownBlocks.Run run = runs.get(i);
      BlockCache.Key key = key(run, noteId, sourceFolder);
      BlockCache.Entry e = blocks == null ? null : blocks.get(key, links);
      if (e == null) {
        e = renderRun(run.text(), noteId, sourceFolder, links, blocks, key);
      }
      features.addAll(e.features());
      linked.addAll(e.linked());
      embedded.addAll(e.embedded());
      parts.add(new PageAssembly.Part(e.html(), run.start(), e.footnotes(), e.inlineFootnotes()));
      chars += e.html().length();
    }
    if (i == runs.size()) {
      return new Start(render(markdown, noteId, sourceFolder, links), true);
    }
    PageAssembly.Joined start = PageAssembly.joinStart(parts);
    return new Start(
        new RenderedNote(
            start.html(),
            Set.copyOf(features),
            Set.copyOf(linked),
            Set.copyOf(embedded),
            start.html().length(),
            start.segments()),
        false);
  }

  /** The start of a note ({@link #renderStart}); {@code whole} when nothing comes after it. */
  public record Start(RenderedNote note, boolean whole) {}

  private static BlockCache.Key key(MarkdownBlocks.Run run, String noteId, String sourceFolder) {
    return new BlockCache.Key(run.text(), noteId == null ? "" : noteId, sourceFolder);
  }

  /**
   * One run of blocks parsed and rendered, and kept in {@code blocks} (when there is one) if it may
   * be reused.
   */
  private BlockCache.Entry renderRun(
      String text,
      String noteId,
      String sourceFolder,
      RenderLinks links,
      BlockCache blocks,
      BlockCache.Key key) {
    RenderState.Collected collected = new RenderState.Collected();
    Set<String> stack = new LinkedHashSet<>();
    if (noteId != null) {
      stack.add(noteId);
    }
    BlockCache.Recording recording = blocks == null ? null : new BlockCache.Recording(links);
    RenderState state =
        new RenderState(
            this, recording == null ? links : recording, sourceFolder, stack, 0, collected);
    String html = parseAndRender(text, state);
    BlockCache.Entry e =
        new BlockCache.Entry(
            html,
            Map.copyOf(state.footnotes),
            List.copyOf(state.inlineFootnotes),
            Set.copyOf(collected.features),
            Set.copyOf(collected.linked),
            Set.copyOf(collected.embedded),
            recording == null ? List.of() : List.copyOf(recording.asked));
    if (recording != null && !recording.uncacheable) {
      blocks.put(key, e);
    }
    return e;
  }

  /**
   * The HTML of some Markdown in a render already under way (an embed): its footnotes and heading
   * ids its own.
   */
  String renderInner(String markdown, RenderState state) {
    String html = parseAndRender(prepare(markdown), state);
    return PageAssembly.join(
        List.of(new PageAssembly.Part(html, 0, state.footnotes, state.inlineFootnotes)));
  }

  /**
   * The HTML (with {@link PageAssembly} markers) of a footnote's Markdown inside a render under
   * way.
   */
  String renderFragment(String markdown, RenderState state) {
    Document doc = parser.parse(ParseLimits.apply(markdown));
    ownFootnotes(doc);
    RenderState.KEY.set(doc, state);
    return renderer.render(doc);
  }

  private String parseAndRender(String text, RenderState state) {
    Document doc = parser.parse(ParseLimits.apply(text));
    markTasks(doc);
    ownFootnotes(doc);
    RenderState.KEY.set(doc, state);
    return renderer.render(doc);
  }

  /**
   * Flexmark lists a document's footnotes at its end; {@link PageAssembly} does it for the whole
   * page instead.
   */
  private static void ownFootnotes(Document doc) {
    FootnoteExtension.FOOTNOTES.get(doc).getReferencedFootnoteBlocks().clear();
  }

  /**
   * Front matter and comments blanked out, character for character, so that offsets into what is
   * parsed are offsets into the note (a task's checkbox edits the note at that offset).
   */
  static String prepare(String markdown) {
    String text =
        markdown.indexOf('\r') >= 0 ? markdown.replace("\r\n", "\n").replace('\r', '\n') : markdown;
    int front = MarkdownText.frontMatterLength(text);
    if (front > 0) {
      char[] chars = text.toCharArray();
      for (int i = 0; i < front; i++) {
        if (chars[i] != '\n') {
          chars[i] = ' ';
        }
      }
      text = new String(chars);
    }
    return MarkdownText.hideComments(PageAssembly.unforgeable(text));
  }

  /**
   * Turns the {@code [ ]} / {@code [x]} / {@code [/]} … that starts a list item's text into a
   * {@link ObsidianNodes.TaskBox}.
   */
  private static void markTasks(Document doc) {
    List<ListItem> items = new ArrayList<>();
    collect(doc, items);
    for (ListItem item : items) {
      if (!(item.getFirstChild() instanceof Paragraph p)) {
        continue;
      }
      BasedSequence chars = p.getChars();
      if (chars.length() < 3
          || chars.charAt(0) != '['
          || chars.charAt(2) != ']'
          || (chars.length() > 3
              && chars.charAt(3) != ' '
              && chars.charAt(3) != '\t'
              && chars.charAt(3) != '\n')) {
        continue;
      }
      char state = chars.charAt(1);
      if (state == '\n' || state == ']' || state == '[') {
        continue;
      }
      int cut = p.getStartOffset() + Math.min(chars.length(), 4);
      if (!trimLeading(p, cut)) {
        continue;
      }
      p.prependChild(new ObsidianNodes.TaskBox(state, p.getStartOffset() + 1));
    }
  }

  /**
   * Removes the inline nodes of {@code p} before offset {@code cut}; false (nothing changed) if one
   * straddles it oddly.
   */
  private static boolean trimLeading(Paragraph p, int cut) {
    List<Node> drop = new ArrayList<>();
    Node n = p.getFirstChild();
    while (n != null && n.getEndOffset() <= cut) {
      drop.add(n);
      n = n.getNext();
    }
    if (n != null && n.getStartOffset() < cut) {
      if (!(n instanceof Text t)) {
        return false;
      }
      t.setChars(t.getChars().subSequence(cut - t.getStartOffset()));
    }
    drop.forEach(Node::unlink);
    return true;
  }

  private static void collect(Node node, List<ListItem> out) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof ListItem li) {
        out.add(li);
      }
      collect(c, out);
    }
  }

  /** Registers Obsidian's syntax with Flexmark's parser and renderer. */
  static final class Extension
      implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
      builder.customInlineParserExtensionFactory(new ObsidianInlines.Factory());
      builder.customDelimiterProcessor(new ObsidianInlines.HighlightDelimiter());
      builder.postProcessorFactory(new TagChips.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      builder.nodeRendererFactory(ObsidianRenderer::new);
      builder.attributeProviderFactory(new ObsidianAttributes.Factory());
    }
  }
}
