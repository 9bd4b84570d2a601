package org.rhizome.graph.markdown;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Finds the front matter block and reads it with SnakeYAML's {@link SafeConstructor} (standard YAML
 * types only, never arbitrary classes), with limits on size, nesting and alias expansion so that a
 * hostile note cannot exhaust memory or stack ("billion laughs").
 */
final class FrontMatterReader {

  /** Largest front matter block read, in chars; a bigger one is reported and ignored. */
  static final int MAX_FRONT_MATTER_CHARS = 256 * 1024;

  /** Most values (scalars, lists, maps, counting alias expansion) one block may produce. */
  static final int MAX_VALUES = 10_000;

  /** Deepest nesting of lists and maps, also after following aliases. */
  static final int MAX_DEPTH = 50;

  /** Most aliases to collections (the "billion laughs" lever) in one block. */
  static final int MAX_COLLECTION_ALIASES = 20;

  /** Where the block is: its YAML text is {@code [contentStart, contentEnd)}. */
  record Block(int contentStart, int contentEnd, int endOffset) {}

  private FrontMatterReader() {}

  /**
   * The front matter block: the first line (after an optional byte order mark) is {@code ---}, and
   * the block ends at the next line that is {@code ---} (trailing spaces allowed on both). Returns
   * null, and reports a problem, if the opening line is never closed.
   */
  static @Nullable Block find(String input, List<String> problems) {
    int open = input.startsWith("\uFEFF") ? 1 : 0;
    if (!input.startsWith("---", open)) {
      return null;
    }
    int openLineEnd = lineEnd(input, open + 3);
    if (!isBlank(input, open + 3, openLineEnd)) {
      return null;
    }
    int contentStart = nextLineStart(input, openLineEnd);
    for (int lineStart = contentStart; lineStart < input.length(); ) {
      int end = lineEnd(input, lineStart);
      if (input.startsWith("---", lineStart) && isBlank(input, lineStart + 3, end)) {
        return new Block(contentStart, lineStart, nextLineStart(input, end));
      }
      lineStart = nextLineStart(input, end);
    }
    problems.add(
        "Front matter opened on line 1 is never closed by a '---' line; it is read as body text.");
    return null;
  }

  /** Reads the block's YAML. Never throws; problems go to {@code problems}. */
  static FrontMatter read(String input, Block block, List<String> problems) {
    FrontMatter unreadable = new FrontMatter(List.of(), List.of(), Map.of(), block.endOffset());
    int length = block.contentEnd() - block.contentStart();
    if (length > MAX_FRONT_MATTER_CHARS) {
      problems.add(
          "Front matter is "
              + length
              + " chars, more than the limit of "
              + MAX_FRONT_MATTER_CHARS
              + "; it is ignored.");
      return unreadable;
    }
    Object document;
    try {
      document = newYaml().load(input.substring(block.contentStart(), block.contentEnd()));
    } catch (RuntimeException e) { // SnakeYAML reports bad input with several unchecked types
      problems.add("Front matter is not valid YAML: " + describe(e));
      return unreadable;
    }
    if (document == null) {
      return unreadable;
    }
    if (!(document instanceof Map<?, ?> map)) {
      problems.add("Front matter is not a YAML mapping of keys to values; it is ignored.");
      return unreadable;
    }
    Map<String, Object> properties;
    try {
      properties = new ValueNormalizer().topLevel(map);
    } catch (TooComplexException e) {
      problems.add("Front matter " + e.getMessage() + "; it is ignored.");
      return unreadable;
    }
    List<String> aliases = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (var it = properties.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      switch (entry.getKey().toLowerCase(Locale.ROOT)) {
        case "aliases", "alias" -> {
          aliases.addAll(aliases(entry.getKey(), entry.getValue(), problems));
          it.remove();
        }
        case "tags", "tag" -> {
          tags.addAll(tags(entry.getKey(), entry.getValue(), problems));
          it.remove();
        }
        default -> {}
      }
    }
    return new FrontMatter(distinctIgnoringCase(aliases), tags, properties, block.endOffset());
  }

  private static List<String> distinctIgnoringCase(List<String> values) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String value : values) {
      byKey.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
    }
    return List.copyOf(byKey.values());
  }

  private static List<String> aliases(String key, Object value, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (value instanceof String s) {
      for (String part : s.split(",", -1)) {
        addIfNotBlank(out, part);
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof List<?> || element instanceof Map<?, ?>) {
          problems.add(
              "Front matter '" + key + "' has a nested list or map; that entry is ignored.");
        } else {
          addIfNotBlank(out, element.toString());
        }
      }
    } else if (value instanceof Map<?, ?>) {
      problems.add("Front matter '" + key + "' is a map, not a list of aliases; it is ignored.");
    } else {
      addIfNotBlank(out, value.toString());
    }
    return out;
  }

  private static List<String> tags(String key, Object value, List<String> problems) {
    List<String> raw = new ArrayList<>();
    if (value instanceof String s) {
      // Obsidian accepts "a, b" and the legacy "a b"; a tag never contains either separator.
      for (String part : s.split("[,\\s]+", -1)) {
        addIfNotBlank(raw, part);
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof List<?> || element instanceof Map<?, ?>) {
          problems.add(
              "Front matter '" + key + "' has a nested list or map; that entry is ignored.");
        } else {
          addIfNotBlank(raw, element.toString());
        }
      }
    } else if (value instanceof Map<?, ?>) {
      problems.add("Front matter '" + key + "' is a map, not a list of tags; it is ignored.");
    } else {
      addIfNotBlank(raw, value.toString());
    }
    List<String> out = new ArrayList<>();
    for (String candidate : raw) {
      String tag = TagSyntax.normalize(candidate);
      if (tag == null) {
        problems.add("Front matter tag '" + candidate + "' is not a valid tag; it is ignored.");
      } else {
        out.add(tag);
      }
    }
    return out;
  }

  private static void addIfNotBlank(List<String> out, String value) {
    String stripped = value.strip();
    if (!stripped.isEmpty()) {
      out.add(stripped);
    }
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
    options.setAllowDuplicateKeys(true);
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumperOptions),
        dumperOptions,
        options,
        new CoreSchemaResolver());
  }

  private static String describe(RuntimeException e) {
    if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      Mark mark = marked.getProblemMark();
      // The YAML starts on line 2 of the note (line 1 is "---"); say which line of the note,
      // 1-based.
      String where = mark == null ? "" : " (line " + (mark.getLine() + 2) + ")";
      return marked.getProblem() + where + ".";
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  private static int lineEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLineStart(String s, int lineEnd) {
    if (lineEnd < s.length() && s.charAt(lineEnd) == '\r') {
      lineEnd++;
      return lineEnd < s.length() && s.charAt(lineEnd) == '\n' ? lineEnd + 1 : lineEnd;
    }
    return Math.min(s.length(), lineEnd + 1);
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML 1.2 core-schema scalars instead of SnakeYAML's YAML 1.1 ones: only true/false are booleans
   * ({@code yes}, {@code on} stay strings), integers are plain decimal ({@code 0123} and {@code
   * 12:30} stay strings), and dates are not resolved to {@link Date} (they stay strings, as in
   * Obsidian).
   */
  private static final class CoreSchemaResolver extends Resolver {
    private static final Pattern CORE_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern CORE_INT = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)");
    private static final Pattern CORE_FLOAT =
        Pattern.compile(
            "[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9]+[eE][-+]?[0-9]+"
                + "|[-+]?\\.(?:inf|Inf|INF)"
                + "|\\.(?:nan|NaN|NAN)");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
      addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  /** Thrown when the loaded YAML is too big or too deep to copy (alias expansion, cycles). */
  private static final class TooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooComplexException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Copies SnakeYAML's output into plain, unmodifiable Java values with a budget, because aliases
   * can make a small text expand into a huge (or cyclic) object graph.
   */
  private static final class ValueNormalizer {
    private int remaining = MAX_VALUES;

    Map<String, Object> topLevel(Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object value = value(entry.getValue(), 1);
        if (value != null) {
          out.put(String.valueOf(entry.getKey()), value);
        }
      }
      return out;
    }

    private @Nullable Object value(@Nullable Object raw, int depth) {
      if (--remaining < 0) {
        throw new TooComplexException("has more than " + MAX_VALUES + " values");
      }
      if (depth > MAX_DEPTH) {
        throw new TooComplexException("nests deeper than " + MAX_DEPTH + " levels");
      }
      if (raw == null
          || raw instanceof String
          || raw instanceof Boolean
          || raw instanceof Double
          || raw instanceof Long
          || raw instanceof BigInteger) {
        return raw;
      }
      if (raw instanceof Float number) {
        return number.doubleValue();
      }
      if (raw instanceof Number number) {
        return number.longValue();
      }
      if (raw instanceof Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          Object value = value(entry.getValue(), depth + 1);
          if (value != null) {
            out.put(String.valueOf(entry.getKey()), value);
          }
        }
        return Collections.unmodifiableMap(out);
      }
      if (raw instanceof Collection<?> collection) {
        return list(collection, depth);
      }
      if (raw instanceof Object[] array) {
        return list(Arrays.asList(array), depth);
      }
      if (raw instanceof byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
      }
      if (raw instanceof Date date) {
        return date.toInstant().toString();
      }
      return raw.toString();
    }

    private List<Object> list(Collection<?> collection, int depth) {
      List<Object> out = new ArrayList<>(Math.min(collection.size(), remaining + 1));
      for (Object element : collection) {
        Object value = value(element, depth + 1);
        if (value != null) {
          out.add(value);
        }
      }
      return Collections.unmodifiableList(out);
    }
  }
}
