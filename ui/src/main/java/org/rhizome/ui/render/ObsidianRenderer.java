package org.rhizome.ui.render;

// Longer than 500 lines on purpose: one Flexmark node renderer per Obsidian construct, registered
// together; each handler is short and they share the render state.

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rhizome.ui.render.RenderLinks.FileTarget;
import org.rhizome.ui.render.RenderLinks.NoteTarget;

/**
 * Renders the nodes where Obsidian differs from CommonMark: links, embeds, callouts, tasks, maths,
 * code.
 */
final class ObsidianRenderer implements NodeRenderer {
  private static final Pattern SIZE = Pattern.compile("(\\d+)(?:x(\\d+))?");
  private static final Pattern CALLOUT = Pattern.compile("^\\[!([^\\]\\s]+)\\]([+-]?)[ \\t]*(.*)$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  ObsidianRenderer(DataHolder options) {}

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(WikiLink.class, this::wikiLink),
        new NodeRenderingHandler<>(WikiImage.class, this::wikiEmbed),
        new NodeRenderingHandler<>(Image.class, this::image),
        new NodeRenderingHandler<>(Link.class, this::link),
        new NodeRenderingHandler<>(Paragraph.class, this::paragraph),
        new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote),
        new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode),
        new NodeRenderingHandler<>(
            ObsidianNodes.Highlight.class,
            (n, c, h) -> {
              h.raw("<mark>");
              c.renderChildren(n);
              h.raw("</mark>");
            }),
        new NodeRenderingHandler<>(ObsidianNodes.Math.class, this::math),
        new NodeRenderingHandler<>(
            ObsidianNodes.Tag.class,
            (n, c, h) ->
                h.raw(
                    "<span class=\"tag\" data-tag=\""
                        + Html.escape(n.name)
                        + "\">#"
                        + Html.escape(n.name)
                        + "</span>")),
        new NodeRenderingHandler<>(
            ObsidianNodes.BlockId.class,
            (n, c, h) ->
                h.raw(
                    "<span class=\"block-id\" id=\""
                        + Html.escape(Anchors.blockId(n.id))
                        + "\"></span>")),
        new NodeRenderingHandler<>(ObsidianNodes.TaskBox.class, this::taskBox),
        new NodeRenderingHandler<>(
            Footnote.class, (n, c, h) -> h.raw(PageAssembly.footnoteRef(n.getText().toString()))),
        new NodeRenderingHandler<>(FootnoteBlock.class, this::footnoteBlock),
        new NodeRenderingHandler<>(ObsidianNodes.InlineFootnote.class, this::inlineFootnote));
  }

  private static RenderState state(NodeRendererContext c) {
    return RenderState.KEY.get(c.getDocument());
  }

  // ---- links

  /** {@code Note#Heading} split into the note part and the anchor part (either may be empty). */
  record Target(String page, String anchor) {
    static Target parse(String raw) {
      String t = raw.strip();
      int hash = t.indexOf('#');
      String page = hash >= 0 ? t.substring(0, hash).strip() : t;
      String anchor = hash >= 0 ? t.substring(hash + 1).strip() : "";
      return new Target(page, anchor);
    }

    /** The element id the anchor names on the target page, or "" for none. */
    String fragment() {
      if (anchor.isEmpty()) {
        return "";
      }
      if (anchor.startsWith("^")) {
        return Anchors.blockId(anchor.substring(1));
      }
      int last = anchor.lastIndexOf('#');
      return Anchors.slug(last >= 0 ? anchor.substring(last + 1) : anchor);
    }

    /** What Obsidian shows for a link without a label: {@code Note > Heading}. */
    String display() {
      String a = anchor.replace("#", " > ");
      if (page.isEmpty()) {
        return a;
      }
      return anchor.isEmpty() ? page : page + " > " + a;
    }
  }

  private void wikiLink(WikiLink node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    Target t = Target.parse(node.getLink().unescape());
    String label =
        node.getText().isNull() || node.getText().isBlank()
            ? t.display()
            : node.getText().unescape();
    h.raw(linkOpen(s, t, node.getLink().unescape()));
    h.raw(Html.escape(label));
    h.raw("</a>");
  }

  /** The opening {@code <a>} of a link to a note, an attachment or nothing yet. */
  private static String linkOpen(RenderState s, Target t, String raw) {
    String fragment = t.fragment().isEmpty() ? "" : "#" + t.fragment();
    if (t.page().isEmpty()) {
      return "<a class=\"internal-link\" data-href=\""
          + Html.escape(raw)
          + "\" href=\""
          + Html.escape(fragment.isEmpty() ? "#" : fragment)
          + "\">";
    }
    Optional<NoteTarget> note =
        isFileName(t.page()) ? Optional.empty() : s.links.note(s.sourceFolder, t.page());
    if (note.isPresent()) {
      s.collected.linked.add(note.get().id());
      return "<a class=\"internal-link\" data-href=\""
          + Html.escape(raw)
          + "\" href=\""
          + Html.escape(note.get().href() + fragment)
          + "\">";
    }
    Optional<FileTarget> file = s.links.attachment(s.sourceFolder, t.page());
    if (file.isPresent() && file.get().url() != null) {
      return "<a class=\"internal-link attachment-link\" data-href=\""
          + Html.escape(raw)
          + "\" data-mime=\""
          + Html.escape(file.get().mime())
          + "\" href=\""
          + Html.escape(file.get().url())
          + "\">";
    }
    if (isFileName(t.page())) {
      note = s.links.note(s.sourceFolder, t.page());
      if (note.isPresent()) {
        s.collected.linked.add(note.get().id());
        return "<a class=\"internal-link\" data-href=\""
            + Html.escape(raw)
            + "\" href=\""
            + Html.escape(note.get().href() + fragment)
            + "\">";
      }
    }
    String href = s.links.unresolvedHref(t.page());
    return "<a class=\"internal-link is-unresolved\" data-href=\""
        + Html.escape(raw)
        + "\""
        + (href == null ? "" : " href=\"" + Html.escape(href) + "\"")
        + ">";
  }

  /**
   * True for {@code photo.png}, {@code doc.pdf}; false for {@code Note}, {@code Note.md} or {@code
   * v1.2 notes}.
   */
  static boolean isFileName(String page) {
    int slash = page.lastIndexOf('/');
    int dot = page.lastIndexOf('.');
    if (dot <= slash + 1 || dot == page.length() - 1) {
      return false;
    }
    String ext = page.substring(dot + 1).toLowerCase(Locale.ROOT);
    return !ext.equals("md")
        && ext.length() <= 5
        && ext.chars().allMatch(Character::isLetterOrDigit);
  }

  private void link(Link node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    String url = node.getUrl().unescape();
    if (url.isEmpty() || SCHEME.matcher(url).find() || url.startsWith("#")) {
      String cls = url.startsWith("#") ? "internal-link" : "external-link";
      h.raw(
          "<a class=\""
              + cls
              + "\" href=\""
              + Html.escape(url)
              + "\""
              + (node.getTitle().isNotNull() && !node.getTitle().isEmpty()
                  ? " title=\"" + Html.escape(node.getTitle().unescape()) + "\""
                  : "")
              + ">");
      c.renderChildren(node);
      h.raw("</a>");
      return;
    }
    String decoded = decode(url);
    Target t = Target.parse(decoded);
    String page =
        t.page().endsWith(".md") ? t.page().substring(0, t.page().length() - 3) : t.page();
    h.raw(linkOpen(s, new Target(page, t.anchor()), decoded));
    c.renderChildren(node);
    h.raw("</a>");
  }

  private static String decode(String url) {
    try {
      return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  // ---- embeds

  private void wikiEmbed(WikiImage node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    String raw = node.getLink().unescape();
    Target t = Target.parse(raw);
    String text = node.getText().isNull() ? "" : node.getText().unescape().strip();
    h.raw(embed(s, t, raw, text));
  }

  private static String embed(RenderState s, Target t, String raw, String text) {
    if (t.page().isEmpty()) {
      return "<span class=\"internal-embed is-unresolved\">" + Html.escape(raw) + "</span>";
    }
    if (isFileName(t.page())) {
      Optional<FileTarget> file = s.links.attachment(s.sourceFolder, t.page());
      if (file.isPresent()) {
        return fileEmbed(file.get(), text, t.anchor());
      }
    }
    Optional<NoteTarget> note = s.links.note(s.sourceFolder, t.page());
    if (note.isPresent()) {
      return noteEmbed(s, note.get(), t, raw);
    }
    if (!isFileName(t.page())) {
      Optional<FileTarget> file = s.links.attachment(s.sourceFolder, t.page());
      if (file.isPresent()) {
        return fileEmbed(file.get(), text, t.anchor());
      }
    }
    String href = s.links.unresolvedHref(t.page());
    return "<a class=\"internal-embed is-unresolved internal-link\" data-href=\""
        + Html.escape(raw)
        + "\""
        + (href == null ? "" : " href=\"" + Html.escape(href) + "\"")
        + ">"
        + Html.escape(t.page())
        + "</a>";
  }

  /** An image (sized as {@code 100} or {@code 100x80}), sound, video, PDF or other file. */
  static String fileEmbed(FileTarget f, String text, String anchor) {
    String alt = f.name();
    String size = "";
    String[] parts = text.isEmpty() ? new String[0] : text.split("\\|");
    for (String part : parts) {
      Matcher m = SIZE.matcher(part.strip());
      if (m.matches()) {
        size =
            " width=\""
                + m.group(1)
                + "\""
                + (m.group(2) != null ? " height=\"" + m.group(2) + "\"" : "");
      } else if (!part.isBlank()) {
        alt = part.strip();
      }
    }
    if (f.url() == null) {
      return "<span class=\"internal-embed file-missing\" title=\"This replica does not have the file's bytes yet\">"
          + Html.escape(f.name())
          + "</span>";
    }
    String src = Html.escape(f.url());
    String mime = f.mime();
    if (mime.startsWith("image/")) {
      return "<img class=\"internal-embed image-embed\" src=\""
          + src
          + "\" alt=\""
          + Html.escape(alt)
          + "\""
          + size
          + ">";
    }
    if (mime.startsWith("audio/")) {
      return "<audio class=\"internal-embed media-embed\" controls preload=\"metadata\" src=\""
          + src
          + "\""
          + media(f)
          + "></audio>";
    }
    if (mime.startsWith("video/")) {
      return "<video class=\"internal-embed media-embed\" controls preload=\"metadata\" src=\""
          + src
          + "\""
          + size
          + media(f)
          + "></video>";
    }
    String page = anchor.startsWith("page=") ? "#" + Html.escape(anchor) : "";
    if (mime.equals("application/pdf")) {
      // A card everywhere; the page script puts the PDF inline where the browser can show one (not
      // WebView).
      return "<div class=\"internal-embed pdf-embed file-card\" data-src=\""
          + src
          + page
          + "\">"
          + "<a class=\"internal-link attachment-link\" data-mime=\"application/pdf\" href=\""
          + src
          + page
          + "\">"
          + "<span class=\"file-icon\">PDF</span><span class=\"file-name\">"
          + Html.escape(f.name())
          + "</span>"
          + "<span class=\"file-size\">"
          + humanSize(f.size())
          + "</span></a></div>";
    }
    return "<div class=\"internal-embed file-card\"><a class=\"internal-link attachment-link\" data-mime=\""
        + Html.escape(mime)
        + "\" href=\""
        + src
        + "\"><span class=\"file-icon\">"
        + Html.escape(extension(f.name()))
        + "</span><span class=\"file-name\">"
        + Html.escape(f.name())
        + "</span><span class=\"file-size\">"
        + humanSize(f.size())
        + "</span></a></div>";
  }

  /**
   * What the page script needs to show a file card instead when the browser cannot play the file
   * (Ogg in WebView).
   */
  private static String media(FileTarget f) {
    return " data-mime=\""
        + Html.escape(f.mime())
        + "\" data-name=\""
        + Html.escape(f.name())
        + "\" data-size=\""
        + Html.escape(humanSize(f.size()))
        + "\"";
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 ? name.substring(dot + 1).toUpperCase(Locale.ROOT) : "FILE";
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /**
   * A note, a section of it or a block of it, rendered in place (nested embeds too, to a limit;
   * never in a cycle).
   */
  private static String noteEmbed(RenderState s, NoteTarget note, Target t, String raw) {
    s.collected.embedded.add(note.id());
    s.collected.linked.add(note.id());
    String fragment = t.fragment().isEmpty() ? "" : "#" + t.fragment();
    String title =
        "<div class=\"markdown-embed-title\"><a class=\"internal-link\" href=\""
            + Html.escape(note.href() + fragment)
            + "\">"
            + Html.escape(t.display())
            + "</a></div>";
    String open =
        "<div class=\"internal-embed markdown-embed\" data-href=\"" + Html.escape(raw) + "\">";
    if (s.stack.contains(note.id())) {
      return open
          + title
          + "<div class=\"markdown-embed-content embed-stopped\">Not embedded again: this note is already shown around here.</div></div>";
    }
    if (s.depth + 1 > ObsidianMarkdown.MAX_EMBED_DEPTH) {
      return open
          + title
          + "<div class=\"markdown-embed-content embed-stopped\">Embeds nest too deeply to show more.</div></div>";
    }
    Optional<String> body = s.links.body(note);
    if (body.isEmpty()) {
      return open
          + title
          + "<div class=\"markdown-embed-content embed-stopped\">The note is gone.</div></div>";
    }
    String md = body.get();
    Optional<String> part;
    if (t.anchor().isEmpty()) {
      part = Optional.of(md);
    } else if (t.anchor().startsWith("^")) {
      part = MarkdownText.block(md, t.anchor().substring(1));
    } else {
      part = MarkdownText.section(md, t.anchor());
    }
    if (part.isEmpty()) {
      return open
          + title
          + "<div class=\"markdown-embed-content embed-stopped\">Unable to find \""
          + Html.escape(t.anchor())
          + "\" in "
          + Html.escape(note.title())
          + ".</div></div>";
    }
    ObsidianMarkdown markdown = s.markdownFor();
    String inner = markdown.renderInner(part.get(), s.embedding(note.id(), note.folder()));
    return open + title + "<div class=\"markdown-embed-content\">" + inner + "</div></div>";
  }

  private void image(Image node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    String url = node.getUrl().unescape();
    String text = node.getText().unescape();
    String alt = text;
    String sizeText = "";
    int bar = text.lastIndexOf('|');
    if (bar >= 0 && SIZE.matcher(text.substring(bar + 1).strip()).matches()) {
      alt = text.substring(0, bar);
      sizeText = text.substring(bar + 1).strip();
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      // Nothing is fetched until asked: a note must not tell the network that it was opened.
      Matcher m = SIZE.matcher(sizeText);
      String size =
          m.matches()
              ? " data-width=\""
                  + m.group(1)
                  + "\""
                  + (m.group(2) != null ? " data-height=\"" + m.group(2) + "\"" : "")
              : "";
      h.raw(
          "<span class=\"external-embed\" role=\"button\" tabindex=\"0\" data-src=\""
              + Html.escape(url)
              + "\" data-alt=\""
              + Html.escape(alt)
              + "\""
              + size
              + " title=\""
              + Html.escape(url)
              + "\">Show image from "
              + Html.escape(host(url))
              + "</span>");
      return;
    }
    if (url.startsWith("data:image/")) {
      h.raw("<img src=\"" + Html.escape(url) + "\" alt=\"" + Html.escape(alt) + "\">");
      return;
    }
    String decoded = decode(url);
    Target t = Target.parse(decoded);
    h.raw(embed(s, t, decoded, sizeText.isEmpty() ? alt : alt + "|" + sizeText));
  }

  private static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "the web" : host;
    } catch (IllegalArgumentException e) {
      return "the web";
    }
  }

  /**
   * A paragraph that holds only a block embed (or display maths) is that block, not a {@code <p>}
   * around it.
   */
  private void paragraph(Paragraph node, NodeRendererContext c, HtmlWriter h) {
    boolean blockOnly = node.getFirstChild() != null;
    boolean any = false;
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof WikiImage w && !isFileName(Target.parse(w.getLink().unescape()).page())
          || n instanceof ObsidianNodes.Math m && m.display) {
        any = true;
      } else if (!(n instanceof SoftLineBreak
          || n instanceof HardLineBreak
          || n instanceof Text tx && tx.getChars().isBlank())) {
        blockOnly = false;
        break;
      }
    }
    if (blockOnly && any) {
      c.renderChildren(node);
    } else {
      c.delegateRender();
    }
  }

  // ---- callouts

  private void blockQuote(BlockQuote node, NodeRendererContext c, HtmlWriter h) {
    if (!(node.getFirstChild() instanceof Paragraph first)) {
      c.delegateRender();
      return;
    }
    String text = first.getChars().toString();
    int eol = text.indexOf('\n');
    String firstLine = (eol >= 0 ? text.substring(0, eol) : text).strip();
    Matcher m = CALLOUT.matcher(firstLine);
    if (!m.matches()) {
      c.delegateRender();
      return;
    }
    String type = m.group(1);
    String fold = m.group(2);
    Callouts.Kind kind = Callouts.kind(type);
    String tag = fold.isEmpty() ? "div" : "details";
    String titleTag = fold.isEmpty() ? "div" : "summary";
    h.raw(
        "<"
            + tag
            + " class=\"callout\" data-callout=\""
            + Html.escape(type.toLowerCase(Locale.ROOT))
            + "\""
            + (fold.isEmpty() ? "" : " data-callout-fold=\"" + fold + "\"")
            + (fold.equals("+") ? " open" : "")
            + " style=\"--callout-color: "
            + kind.rgb()
            + "\">");
    h.raw(
        "<"
            + titleTag
            + " class=\"callout-title\"><span class=\"callout-icon\">"
            + Callouts.svg(kind)
            + "</span><span class=\"callout-title-inner\">");
    // The title is Markdown, as in Obsidian: the first line's inlines after the [!type] marker.
    int titleStart =
        first.getStartOffset() + (text.length() - text.stripLeading().length()) + m.start(3);
    Node afterBreak = null;
    boolean titled = false;
    for (Node n = first.getFirstChild(); n != null; ) {
      Node next = n.getNext();
      if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        afterBreak = next;
        break;
      }
      if (n.getEndOffset() > titleStart
          && !(!titled
              && n instanceof Text t0
              && n.getStartOffset() >= titleStart
              && t0.getChars().isBlank())) {
        if (n.getStartOffset() < titleStart) {
          if (n instanceof Text t) {
            String rest = t.getChars().subSequence(titleStart - n.getStartOffset()).toString();
            if (!rest.isBlank()) {
              h.raw(Html.escape(rest));
              titled = true;
            }
          }
        } else {
          c.render(n);
          titled = true;
        }
      }
      n = next;
    }
    if (!titled) {
      h.raw(Html.escape(Callouts.defaultTitle(type)));
    }
    h.raw(
        "</span>"
            + (fold.isEmpty() ? "" : "<span class=\"callout-fold\"></span>")
            + "</"
            + titleTag
            + ">");
    // The rest of the first paragraph (after its first line), then the other blocks.
    boolean hasContent = afterBreak != null || first.getNext() != null;
    if (hasContent) {
      h.raw("<div class=\"callout-content\">");
      if (afterBreak != null) {
        h.raw("<p>");
        for (Node n = afterBreak; n != null; n = n.getNext()) {
          c.render(n);
        }
        h.raw("</p>");
      }
      for (Node n = first.getNext(); n != null; n = n.getNext()) {
        c.render(n);
      }
      h.raw("</div>");
    }
    h.raw("</" + tag + ">");
  }

  // ---- code, maths, tasks

  private void fencedCode(FencedCodeBlock node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    String info = node.getInfo().toString().strip();
    int space = info.indexOf(' ');
    String lang = (space >= 0 ? info.substring(0, space) : info).toLowerCase(Locale.ROOT);
    StringBuilder lines = new StringBuilder();
    for (com.vladsch.flexmark.util.sequence.BasedSequence line : node.getContentLines()) {
      lines.append(line);
    }
    String code = lines.toString();
    FencedBlockRenderer custom = lang.isEmpty() ? null : s.markdownFor().fencedBlock(lang);
    if (custom != null) {
      RenderLinks links = s.links;
      if (links instanceof BlockCache.Recording recording) {
        // What a custom block shows may depend on any note: its run is not kept.
        recording.uncacheable = true;
        links = recording.inner;
      }
      h.raw(custom.render(code, s.sourceFolder, links));
      return;
    }
    if (lang.equals("mermaid")) {
      s.collected.features.add(RenderedNote.Feature.MERMAID);
      h.openPre();
      h.raw("<pre class=\"mermaid\">" + Html.escape(code) + "</pre>");
      h.closePre();
      return;
    }
    if (!lang.isEmpty()) {
      s.collected.features.add(RenderedNote.Feature.CODE);
    }
    String cls = lang.isEmpty() ? "" : " class=\"language-" + Html.escape(lang) + "\"";
    h.openPre();
    h.raw("<pre><code" + cls + ">" + Html.escape(code) + "</code></pre>");
    h.closePre();
  }

  private void math(ObsidianNodes.Math node, NodeRendererContext c, HtmlWriter h) {
    state(c).collected.features.add(RenderedNote.Feature.MATH);
    if (node.display) {
      h.raw("<div class=\"math math-block\">" + Html.escape(node.tex) + "</div>");
    } else {
      h.raw("<span class=\"math math-inline\">" + Html.escape(node.tex) + "</span>");
    }
  }

  private void taskBox(ObsidianNodes.TaskBox node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    // Only the note's own tasks can be ticked here; an embedded note's offsets are not this note's.
    String where =
        s.embedded() ? " disabled" : " data-offset=\"" + PageAssembly.offset(node.offset) + "\"";
    h.raw(
        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" data-task=\""
            + Html.escape(String.valueOf(node.state))
            + "\""
            + where
            + (node.state != ' ' ? " checked" : "")
            + "> ");
  }

  // ---- footnotes: numbered when the page is put together (PageAssembly), so each run of blocks
  // stands alone

  /** {@code [^label]: text}: kept for the list at the end of the page, nothing shown here. */
  private void footnoteBlock(FootnoteBlock node, NodeRendererContext c, HtmlWriter h) {
    NodeRendererContext sub = c.getSubContext(false);
    sub.renderChildren(node);
    state(c).footnotes.putIfAbsent(node.getText().toString(), sub.getHtmlWriter().toString(0, 0));
  }

  /** {@code ^[text]}: a footnote written where it is referenced. */
  private void inlineFootnote(
      ObsidianNodes.InlineFootnote node, NodeRendererContext c, HtmlWriter h) {
    RenderState s = state(c);
    int index = s.inlineFootnotes.size();
    s.inlineFootnotes.add("");
    s.inlineFootnotes.set(index, s.markdownFor().renderFragment(node.text, s));
    h.raw(PageAssembly.inlineFootnote(index));
  }
}
