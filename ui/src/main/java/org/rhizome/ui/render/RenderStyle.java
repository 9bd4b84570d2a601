package org.rhizome.ui.render;

/**
 * The style sheet of a rendered note, in the theme's colours (Primer's palette, as the rest of the
 * app): one for the reading view and the HTML export alike.
 */
public final class RenderStyle {
  private RenderStyle() {}

  public static String css(boolean dark, int fontSize) {
    String fg = dark ? "#e6edf3" : "#1f2328";
    String bg = dark ? "#0d1117" : "#ffffff";
    String muted = dark ? "#8d96a0" : "#656d76";
    String accent = dark ? "#4493f8" : "#0969da";
    String subtle = dark ? "#161b22" : "#f6f8fa";
    String border = dark ? "#30363d" : "#d0d7de";
    String mark = dark ? "rgba(187,128,9,.45)" : "#fff8c5";
    return "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;"
        + "font-size:"
        + fontSize
        + "px;line-height:1.6;color:"
        + fg
        + ";background:"
        + bg
        + ";"
        + "max-width:46em;margin:0 auto;padding:24px 32px;}"
        + "h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.2em 0 .5em;font-weight:600}"
        + "h1{font-size:1.9em}h2{font-size:1.5em;border-bottom:1px solid "
        + border
        + ";padding-bottom:.2em}h3{font-size:1.25em}"
        + "article>:first-child,body>:first-child{margin-top:0}"
        + "a{color:"
        + accent
        + ";text-decoration:none}a:hover{text-decoration:underline}"
        + "a.is-unresolved{color:"
        + accent
        + ";opacity:.6;text-decoration:underline dotted}"
        + "a.external-link::after{content:'\\2197';font-size:.75em;margin-left:1px;vertical-align:super}"
        + "code{font-family:'JetBrains Mono','DejaVu Sans Mono',monospace;font-size:.9em;background:"
        + subtle
        + ";padding:.1em .3em;border-radius:4px}"
        + "pre{background:"
        + subtle
        + ";padding:12px 16px;border-radius:6px;overflow:auto}pre code{background:none;padding:0}"
        + "pre code.hljs{background:none;padding:0}"
        + "blockquote{margin:0 0 1em;padding:0 1em;color:"
        + muted
        + ";border-left:.25em solid "
        + border
        + "}"
        + "table{border-collapse:collapse}td,th{border:1px solid "
        + border
        + ";padding:4px 10px}"
        + ".tag{color:"
        + accent
        + ";background:"
        + subtle
        + ";border-radius:10px;padding:0 .4em;font-size:.9em}"
        + "hr{border:0;border-top:1px solid "
        + border
        + "}"
        + "mark{background:"
        + mark
        + ";color:inherit;padding:0 .1em;border-radius:2px}"
        + "img{max-width:100%}"
        // Callouts, in their kind's colour (set on the element as an RGB triple).
        + ".callout{border-radius:6px;padding:10px 14px;margin:1em 0;border-left:4px solid rgb(var(--callout-color));"
        + "background:rgba(var(--callout-color),"
        + (dark ? ".12" : ".08")
        + ")}"
        + ".callout-title{display:flex;align-items:center;gap:6px;font-weight:600;color:rgb(var(--callout-color))}"
        + "summary.callout-title{cursor:pointer;list-style:none}summary.callout-title::-webkit-details-marker{display:none}"
        + ".callout-fold::before{content:'\\25B8';display:inline-block;transition:transform .1s}"
        + "details[open]>summary .callout-fold::before{transform:rotate(90deg)}"
        + ".callout-icon{display:flex}.callout-content{margin-top:6px}.callout-content>:first-child{margin-top:0}"
        + ".callout-content>:last-child{margin-bottom:0}"
        // Tasks.
        + "li.task-list-item{list-style:none;margin-left:-1.3em}"
        + ".task-list-item-checkbox{margin:0 .4em 0 0;vertical-align:middle;cursor:pointer}"
        + "li[data-task='x'],li[data-task='X'],li[data-task='-']{color:"
        + muted
        + "}"
        + "li[data-task='x'],li[data-task='X'],li[data-task='-']{text-decoration:line-through}"
        + "li[data-task='/'] .task-list-item-checkbox{opacity:.6}"
        // Embeds.
        + ".markdown-embed{border-left:3px solid "
        + accent
        + ";padding:4px 0 4px 14px;margin:1em 0}"
        + ".markdown-embed-title{font-size:.85em;color:"
        + muted
        + "}"
        + ".embed-stopped{color:"
        + muted
        + ";font-style:italic}"
        + ".external-embed{display:inline-block;border:1px dashed "
        + border
        + ";border-radius:6px;padding:6px 12px;color:"
        + muted
        + ";cursor:pointer;font-size:.9em}"
        + ".file-card a{display:inline-flex;gap:10px;align-items:center;border:1px solid "
        + border
        + ";border-radius:6px;padding:8px 12px;"
        + "background:"
        + subtle
        + "}"
        + ".file-icon{font-weight:700;font-size:.8em;color:"
        + muted
        + "}.file-size{color:"
        + muted
        + ";font-size:.85em}"
        + ".file-missing{color:"
        + muted
        + ";font-style:italic}"
        + "iframe.pdf-frame{width:100%;height:600px;border:1px solid "
        + border
        + ";border-radius:6px}"
        + "audio,video{max-width:100%;display:block;margin:.5em 0}"
        + ".math-block{text-align:center;margin:1em 0;overflow-x:auto}"
        + "pre.mermaid{background:none;text-align:center}"
        + ".footnotes{font-size:.9em;color:"
        + muted
        + "}"
        // The way back sits at the end of the footnote's last line, as in Obsidian.
        + ".footnotes li>p:last-of-type{display:inline}.footnote-backref{margin-left:.35em}"
        + ".block-id{scroll-margin-top:40px}"
        // The static site's frame.
        + ".site-nav{display:flex;gap:12px;align-items:center;margin-bottom:20px;font-size:.9em}"
        + ".site-search{flex:1;position:relative}.site-search input{width:100%;padding:4px 8px;border:1px solid "
        + border
        + ";border-radius:6px;"
        + "background:"
        + subtle
        + ";color:"
        + fg
        + "}"
        + ".site-search ul{position:absolute;z-index:5;left:0;right:0;margin:2px 0;padding:4px 0;list-style:none;background:"
        + bg
        + ";border:1px solid "
        + border
        + ";border-radius:6px}.site-search li{padding:2px 10px}"
        + ".backlinks{margin-top:3em;border-top:1px solid "
        + border
        + ";padding-top:1em;font-size:.9em;color:"
        + muted
        + "}";
  }
}
