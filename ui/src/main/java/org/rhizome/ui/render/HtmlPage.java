package org.rhizome.ui.render;

/**
 * A whole HTML page around a rendered note: style, the scripts it needs, and what the caller adds
 * around it.
 */
public final class HtmlPage {
  private HtmlPage() {}

  /**
   * @param base the address of the folder holding {@link PageAssets#DIR}, ending with {@code /} (or
   *     {@code ""})
   * @param before HTML before the note (a title, a search box), {@code ""} for none
   * @param after HTML after it (backlinks), {@code ""} for none
   */
  public static String of(
      String title,
      RenderedNote note,
      boolean dark,
      int fontSize,
      String base,
      String before,
      String after) {
    return page(
        title, note, dark, fontSize, base, before, after, note.html().length(), false, false);
  }

  /**
   * A page as the reading view shows it: the note's first screens ({@link RenderedNote#fold}) in
   * the article, the rest in a {@code <template>} that the page script moves in, a part at a time,
   * once the first part is on screen. WebKit lays out 650 KB of HTML in seconds; the person sees
   * the start of the note after laying out only that.
   */
  public static String reading(RenderedNote note, boolean dark, int fontSize, String base) {
    return page("", note, dark, fontSize, base, "", "", note.fold(), false, true);
  }

  /**
   * A page with only the start of a note ({@link ObsidianMarkdown#renderStart}) and an empty {@code
   * <template>} for the rest, which the reading view hands to the page script ({@code rhizomeRest})
   * once rendered: WebKit loads and lays out two screens, not the whole note, before anything
   * shows.
   */
  public static String readingStart(RenderedNote start, boolean dark, int fontSize, String base) {
    return page("", start, dark, fontSize, base, "", "", start.html().length(), true, true);
  }

  /**
   * The comment a reading view's page has before each segment of the note ({@link
   * RenderedNote#segments}): the page script finds the runs to replace by it ({@link PagePatch}).
   */
  public static final String SEGMENT_MARK = "<!--rz-->";

  /** The note's HTML with {@link #SEGMENT_MARK} before each segment, as a reading page holds it. */
  public static String marked(RenderedNote note) {
    StringBuilder s = new StringBuilder(note.html().length() + 16 * note.segments().size());
    appendPart(s, note, 0, note.html().length(), true);
    return s.toString();
  }

  /** Segments {@code from} (inclusive) to {@code to} (exclusive) of the note, marked. */
  static String marked(RenderedNote note, int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < to; i++) {
      s.append(SEGMENT_MARK).append(note.segment(i));
    }
    return s.toString();
  }

  /**
   * {@code html[from, to)} of the note, with a mark before each segment that starts in it when
   * {@code marks}.
   */
  private static void appendPart(
      StringBuilder s, RenderedNote note, int from, int to, boolean marks) {
    String html = note.html();
    if (!marks) {
      s.append(html, from, to);
      return;
    }
    int at = from;
    for (int start : note.segments()) {
      // A segment starting at the very end (an empty last one) belongs to the last part.
      if (start < from || start > to || start == to && to < html.length()) {
        continue;
      }
      s.append(html, at, start).append(SEGMENT_MARK);
      at = start;
    }
    s.append(html, at, to);
  }

  private static String page(
      String title,
      RenderedNote note,
      boolean dark,
      int fontSize,
      String base,
      String before,
      String after,
      int fold,
      boolean restComing,
      boolean marks) {
    String html = note.html();
    StringBuilder s = new StringBuilder(html.length() + 16_384);
    s.append("<!DOCTYPE html><html class=\"")
        .append(dark ? "theme-dark" : "theme-light")
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title><style>")
        .append(RenderStyle.css(dark, fontSize))
        .append("</style>")
        .append(PageAssets.head(note, base, dark))
        .append("</head><body>")
        .append(before)
        .append("<article class=\"markdown-rendered\">");
    appendPart(s, note, 0, fold, marks);
    s.append("</article>");
    if (restComing) {
      s.append("<template id=\"rhizome-rest\" data-coming=\"\"></template>");
    } else if (fold < html.length()) {
      s.append("<template id=\"rhizome-rest\">");
      appendPart(s, note, fold, html.length(), marks);
      s.append("</template>");
    }
    return s.append(after)
        .append(PageAssets.scripts(note, base))
        .append("</body></html>")
        .toString();
  }
}
