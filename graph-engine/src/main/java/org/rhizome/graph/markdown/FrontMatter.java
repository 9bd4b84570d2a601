package org.rhizome.graph.markdown;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML front matter block at the top of a note ({@code ---} on the first line, closed by the
 * next {@code ---} line).
 *
 * <p>Property values are plain Java: {@link String}, {@link Long} (or {@link java.math.BigInteger}
 * when it does not fit), {@link Double}, {@link Boolean}, unmodifiable {@link List} and {@link Map}
 * (with {@code String} keys, in file order). Keys and list elements whose value is YAML null are
 * left out. Dates stay strings ({@code 2024-01-05}); YAML 1.1 surprises such as {@code yes}, {@code
 * on}, {@code 12:30} or {@code 0123} are strings too.
 *
 * @param aliases from the {@code aliases} (or legacy {@code alias}) key: a YAML list, a single
 *     string, or a comma-separated string; trimmed, blanks and duplicates (ignoring case) dropped
 * @param tags from the {@code tags} (or legacy {@code tag}) key: a YAML list, or a string separated
 *     by commas and/or spaces; without the leading {@code #}; invalid tags are dropped (with a
 *     problem)
 * @param properties every other top-level key (matching of the four keys above ignores case)
 * @param endOffset index just past the closing {@code ---} line (including its line break), where
 *     the body starts; 0 if there is no front matter block. A block whose YAML is malformed still
 *     has its {@code endOffset} (its text is not body) but no aliases, tags or properties.
 */
public record FrontMatter(
    List<String> aliases, List<String> tags, Map<String, Object> properties, int endOffset) {

  /** No front matter. */
  public static final FrontMatter EMPTY = new FrontMatter(List.of(), List.of(), Map.of(), 0);

  public FrontMatter {
    aliases = List.copyOf(aliases);
    tags = List.copyOf(tags);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    if (endOffset < 0) {
      throw new IllegalArgumentException("endOffset " + endOffset);
    }
  }

  /** True if there are no aliases, tags or properties (whatever {@code endOffset} is). */
  public boolean isEmpty() {
    return aliases.isEmpty() && tags.isEmpty() && properties.isEmpty();
  }
}
