package org.rhizome.graph.note;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.tasks.Dates;

/**
 * How a note's front-matter properties are indexed for queries: one row per value (a list gives one
 * row per element, in order), typed. Keys are case-folded: {@code Rating} and {@code rating} are
 * one property. A date is held as its epoch milliseconds ({@link Dates}) with its text; a number as
 * a number; a checkbox as 1 or 0; {@code "[[Note]]"} as a link whose text is the target; nested
 * maps are left out.
 */
public final class PropertyRows {
  /**
   * One indexed value. {@code num} is set for number, date and checkbox; {@code text} for text,
   * date and link.
   */
  public record Row(
      String key, int ord, PropertyType type, @Nullable String text, @Nullable Double num) {
    /** The value a query sees: the number when there is one, else the text. */
    public Object value() {
      return num != null ? num : text;
    }
  }

  private PropertyRows() {}

  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public static List<Row> of(Map<String, Object> properties) {
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      String key = key(e.getKey());
      if (key.isEmpty()) {
        continue;
      }
      if (e.getValue() instanceof List<?> list) {
        int ord = 0;
        for (Object o : list) {
          Row r = row(key, ord, o);
          if (r != null) {
            out.add(r);
            ord++;
          }
        }
      } else {
        Row r = row(key, 0, e.getValue());
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private static @Nullable Row row(String key, int ord, @Nullable Object o) {
    if (o instanceof Boolean b) {
      return new Row(key, ord, PropertyType.CHECKBOX, null, b ? 1.0 : 0.0);
    }
    if (o instanceof Long
        || o instanceof Integer
        || o instanceof Double
        || o instanceof BigInteger) {
      return new Row(key, ord, PropertyType.NUMBER, null, ((Number) o).doubleValue());
    }
    if (o instanceof String s) {
      String t = s.strip();
      Long date = Dates.parse(t);
      if (date != null) {
        return new Row(key, ord, PropertyType.DATE, t, (double) date);
      }
      if (t.startsWith("[[") && t.endsWith("]]") && t.length() > 4) {
        String target = t.substring(2, t.length() - 2);
        int bar = target.indexOf('|');
        if (bar >= 0) {
          target = target.substring(0, bar);
        }
        int hash = target.indexOf('#');
        if (hash >= 0) {
          target = target.substring(0, hash);
        }
        return new Row(key, ord, PropertyType.LINK, target.strip(), null);
      }
      return new Row(key, ord, PropertyType.TEXT, s, null);
    }
    return null; // a nested map, or nothing
  }
}
