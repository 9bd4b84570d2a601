package org.rhizome.ui.properties;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of editor a row of the properties table gets, as Obsidian's property types, inferred
 * from the parsed value and the key ({@code tags}, {@code aliases} are lists). Not the engine's
 * {@code note.PropertyType}, which types one indexed value for queries (a list is several rows
 * there, and any date the query language reads is a date): this one picks a widget, so a date is
 * only what the date picker can hold.
 */
enum RowKind {
  TEXT,
  LIST,
  NUMBER,
  CHECKBOX,
  DATE,
  LINK;

  private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern LINK_VALUE = Pattern.compile("\\[\\[[^\\[\\]]+]]");

  static RowKind of(String key, Object value) {
    String k = key.toLowerCase(Locale.ROOT);
    if (value instanceof List<?>
        || k.equals("tags")
        || k.equals("aliases")
        || k.equals("cssclasses")) {
      return LIST;
    }
    if (value instanceof Boolean) {
      return CHECKBOX;
    }
    if (value instanceof Number) {
      return NUMBER;
    }
    String s = String.valueOf(value);
    if (DATE_VALUE.matcher(s).matches()) {
      return DATE;
    }
    if (LINK_VALUE.matcher(s.strip()).matches()) {
      return LINK;
    }
    return TEXT;
  }
}
