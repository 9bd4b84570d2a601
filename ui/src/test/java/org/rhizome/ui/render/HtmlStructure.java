package org.rhizome.ui.render;

import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML as a normalised tree, for comparing structure rather than bytes: elements with their
 * attributes sorted, text with runs of white space as one space, white-space-only text left out.
 */
final class HtmlStructure {
  private HtmlStructure() {}

  static String of(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder out = new StringBuilder();
    for (Node child : body.childNodes()) {
      write(child, 0, out);
    }
    return out.toString();
  }

  private static void write(Node node, int depth, StringBuilder out) {
    if (node instanceof TextNode t) {
      String text = t.getWholeText().replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        out.append("  ".repeat(depth)).append('"').append(text).append("\"\n");
      }
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    Map<String, String> attrs = new TreeMap<>();
    e.attributes().forEach(a -> attrs.put(a.getKey(), a.getValue()));
    out.append("  ".repeat(depth)).append('<').append(e.tagName());
    attrs.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append(">\n");
    for (Node child : e.childNodes()) {
      write(child, depth + 1, out);
    }
  }
}
