package org.rhizome.ui.render;

import java.util.Locale;
import java.util.Map;

/**
 * Obsidian's callout types: each alias maps to one of thirteen kinds, which fixes the colour and
 * the icon (small line drawings of our own, 24×24, drawn in the current colour). An unknown type
 * looks like a note, as in Obsidian, and keeps its own name as the default title.
 */
final class Callouts {
  private Callouts() {}

  record Kind(String name, String rgb, String icon) {}

  private static final String PENCIL = "<path d='M4 20h4L19 9l-4-4L4 16z'/><path d='M13 7l4 4'/>";
  private static final String LIST =
      "<path d='M9 6h11M9 12h11M9 18h11'/><circle cx='4.5' cy='6' r='1'/><circle cx='4.5' cy='12' r='1'/><circle cx='4.5' cy='18' r='1'/>";
  private static final String INFO =
      "<circle cx='12' cy='12' r='9'/><path d='M12 11v6M12 7.5v.5'/>";
  private static final String CHECK_CIRCLE =
      "<circle cx='12' cy='12' r='9'/><path d='M8 12.5l3 3 5-6'/>";
  private static final String FLAME =
      "<path d='M12 3c1 4 5 6 5 11a5 5 0 0 1-10 0c0-3 2-4 2-7 1.5 1 2 2.5 2 4 1-2 1.5-5 1-8z'/>";
  private static final String CHECK = "<path d='M4 12.5l5 5L20 6.5'/>";
  private static final String QUESTION =
      "<circle cx='12' cy='12' r='9'/><path d='M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7v.5M12 17v.5'/>";
  private static final String TRIANGLE =
      "<path d='M12 3.5L2.5 20h19z'/><path d='M12 10v4.5M12 17v.5'/>";
  private static final String CROSS = "<path d='M6 6l12 12M18 6L6 18'/>";
  private static final String BOLT = "<path d='M13 2.5L4.5 13.5H12l-1 8 8.5-11H12z'/>";
  private static final String BUG =
      "<rect x='8' y='7' width='8' height='12' rx='4'/><path d='M12 7V5M9.5 4.5l1.5 2M14.5 4.5L13 6.5M8 11H4M20 11h-4M8 15H4.5M19.5 15H16M12 11v8'/>";
  private static final String QUOTE =
      "<path d='M5 17c2 0 3.5-1.5 3.5-4V7H4v6h4.5M15.5 17c2 0 3.5-1.5 3.5-4V7h-4.5v6H19'/>";

  private static final Kind NOTE = new Kind("note", "8, 109, 221", PENCIL);
  private static final Map<String, Kind> KINDS;

  static {
    Kind abstractKind = new Kind("abstract", "0, 176, 196", LIST);
    Kind info = new Kind("info", "8, 109, 221", INFO);
    Kind todo = new Kind("todo", "8, 109, 221", CHECK_CIRCLE);
    Kind tip = new Kind("tip", "0, 191, 165", FLAME);
    Kind success = new Kind("success", "8, 185, 78", CHECK);
    Kind question = new Kind("question", "224, 134, 0", QUESTION);
    Kind warning = new Kind("warning", "224, 134, 0", TRIANGLE);
    Kind failure = new Kind("failure", "233, 49, 71", CROSS);
    Kind danger = new Kind("danger", "233, 49, 71", BOLT);
    Kind bug = new Kind("bug", "233, 49, 71", BUG);
    Kind example = new Kind("example", "120, 82, 238", LIST);
    Kind quote = new Kind("quote", "158, 158, 158", QUOTE);
    KINDS =
        Map.ofEntries(
            Map.entry("note", NOTE),
            Map.entry("abstract", abstractKind),
            Map.entry("summary", abstractKind),
            Map.entry("tldr", abstractKind),
            Map.entry("info", info),
            Map.entry("todo", todo),
            Map.entry("tip", tip),
            Map.entry("hint", tip),
            Map.entry("important", tip),
            Map.entry("success", success),
            Map.entry("check", success),
            Map.entry("done", success),
            Map.entry("question", question),
            Map.entry("help", question),
            Map.entry("faq", question),
            Map.entry("warning", warning),
            Map.entry("caution", warning),
            Map.entry("attention", warning),
            Map.entry("failure", failure),
            Map.entry("fail", failure),
            Map.entry("missing", failure),
            Map.entry("danger", danger),
            Map.entry("error", danger),
            Map.entry("bug", bug),
            Map.entry("example", example),
            Map.entry("quote", quote),
            Map.entry("cite", quote));
  }

  /** The kind of a type as written ({@code [!TIP]}, {@code [!faq]}); a note for an unknown type. */
  static Kind kind(String type) {
    return KINDS.getOrDefault(type.strip().toLowerCase(Locale.ROOT), NOTE);
  }

  /** The title Obsidian shows when none is written: the type, capitalised. */
  static String defaultTitle(String type) {
    String t = type.strip();
    return t.isEmpty()
        ? "Note"
        : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1).toLowerCase(Locale.ROOT);
  }

  static String svg(Kind kind) {
    return "<svg class=\"callout-svg\" viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" fill=\"none\" stroke=\"currentColor\""
        + " stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\">"
        + kind.icon().replace('\'', '"')
        + "</svg>";
  }
}
