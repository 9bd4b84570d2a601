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
    return "<!DOCTYPE html><html class=\""
        + (dark ? "theme-dark" : "theme-light")
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + Html.escape(title)
        + "</title><style>"
        + RenderStyle.css(dark, fontSize)
        + "</style>"
        + PageAssets.head(note, base, dark)
        + "</head><body>"
        + before
        + "<article class=\"markdown-rendered\">"
        + note.html()
        + "</article>"
        + after
        + PageAssets.scripts(note, base)
        + "</body></html>";
  }
}
