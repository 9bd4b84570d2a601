package org.rhizome.ui.editor;

/** The reading view's style sheet, in the theme's colours (Primer's palette). */
final class ReadingStyle {
  private ReadingStyle() {}

  static String css(boolean dark, int fontSize) {
    String fg = dark ? "#e6edf3" : "#1f2328";
    String bg = dark ? "#0d1117" : "#ffffff";
    String muted = dark ? "#8d96a0" : "#656d76";
    String accent = dark ? "#4493f8" : "#0969da";
    String subtle = dark ? "#161b22" : "#f6f8fa";
    String border = dark ? "#30363d" : "#d0d7de";
    return "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;"
        + "font-size:" + fontSize + "px;line-height:1.6;color:" + fg + ";background:" + bg + ";"
        + "max-width:46em;margin:0 auto;padding:24px 32px;}"
        + "h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.2em 0 .5em;font-weight:600}"
        + "h1{font-size:1.9em}h2{font-size:1.5em;border-bottom:1px solid " + border + ";padding-bottom:.2em}h3{font-size:1.25em}"
        + "body>:first-child{margin-top:0}"
        + "a{color:" + accent + ";text-decoration:none}a:hover{text-decoration:underline}"
        + "code{font-family:'JetBrains Mono','DejaVu Sans Mono',monospace;font-size:.9em;background:" + subtle + ";padding:.1em .3em;border-radius:4px}"
        + "pre{background:" + subtle + ";padding:12px 16px;border-radius:6px;overflow:auto}pre code{background:none;padding:0}"
        + "blockquote{margin:0;padding:0 1em;color:" + muted + ";border-left:.25em solid " + border + "}"
        + "table{border-collapse:collapse}td,th{border:1px solid " + border + ";padding:4px 10px}"
        + ".tag{color:" + accent + ";background:" + subtle + ";border-radius:10px;padding:0 .4em;font-size:.9em}"
        + "hr{border:0;border-top:1px solid " + border + "}";
  }
}
