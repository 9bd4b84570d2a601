package org.rhizome.ui.editor;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note's Markdown as an HTML page for the reading view: Flexmark with wikilinks (Obsidian's
 * {@code [[Target|label]]} order), tables and strikethrough. Wikilinks become {@code rhizome:}
 * links that the view follows itself; {@code #tags} are marked for styling. Raw HTML in a note is
 * escaped, not run.
 *
 * <p>Thread-safe (Flexmark's parser and renderer are); render off the FX thread for big notes.
 */
public final class MarkdownHtml {
  static final String LINK_SCHEME = "rhizome:";
  private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_#&/;\"'=])#([\\p{L}\\p{N}_/-]*[\\p{L}_/-][\\p{L}\\p{N}_/-]*)");
  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R?", Pattern.DOTALL);

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownHtml() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(WikiLinkExtension.create(), TablesExtension.create(), StrikethroughExtension.create()));
    options.set(WikiLinkExtension.LINK_FIRST_SYNTAX, true);
    options.set(WikiLinkExtension.LINK_PREFIX, LINK_SCHEME);
    options.set(WikiLinkExtension.LINK_ESCAPE_CHARS, "");
    options.set(WikiLinkExtension.LINK_REPLACE_CHARS, "");
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    // A line break inside a paragraph is a space, as in every Markdown reader.
    options.set(HtmlRenderer.SOFT_BREAK, " ");
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /** The body of the page (no {@code <html>}): the note rendered, front matter left out. */
  public String render(String markdown) {
    String withoutFrontMatter = FRONT_MATTER.matcher(markdown).replaceFirst("");
    String html = renderer.render(parser.parse(withoutFrontMatter));
    return markTags(html);
  }

  /** A full page with the given style sheet (the note's title is shown above it, by the tab). */
  public String page(String markdown, String css) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>" + css + "</style></head><body>"
        + render(markdown) + "</body></html>";
  }

  /** The note a link of the page points at, when it is a wikilink. */
  public static Optional<String> wikiTarget(String href) {
    if (href == null || !href.startsWith(LINK_SCHEME)) {
      return Optional.empty();
    }
    String target = URLDecoder.decode(href.substring(LINK_SCHEME.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    int hash = target.indexOf('#');
    return Optional.of((hash >= 0 ? target.substring(0, hash) : target).strip()).filter(t -> !t.isEmpty());
  }

  /** Wraps {@code #tags} in text (not inside tags, attributes or code) in a span. */
  private static String markTags(String html) {
    StringBuilder out = new StringBuilder(html.length() + 64);
    int i = 0;
    boolean inCode = false;
    while (i < html.length()) {
      int lt = html.indexOf('<', i);
      int textEnd = lt < 0 ? html.length() : lt;
      String text = html.substring(i, textEnd);
      if (inCode) {
        out.append(text);
      } else {
        Matcher m = TAG.matcher(text);
        out.append(m.replaceAll("<span class=\"tag\">#$1</span>"));
      }
      if (lt < 0) {
        break;
      }
      int gt = html.indexOf('>', lt);
      String tag = gt < 0 ? html.substring(lt) : html.substring(lt, gt + 1);
      if (tag.startsWith("<code") || tag.startsWith("<pre")) {
        inCode = true;
      } else if (tag.startsWith("</code") || tag.startsWith("</pre")) {
        inCode = false;
      }
      out.append(tag);
      i = gt < 0 ? html.length() : gt + 1;
    }
    return out.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
