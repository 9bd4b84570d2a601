package org.rhizome.ui.editor.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code #tag} completion's text rules: whether the caret ends a tag being typed (the same
 * characters the highlighter and the engine take for a tag: letters, digits, {@code _ - /}, after a
 * {@code #} that does not follow a letter, a digit or one of {@code _ # & /}), and which of the
 * workspace's tags to offer for it — those starting with what was typed first, then those
 * containing it, each group by how many notes use them.
 *
 * <p>Pure.
 */
public final class TagSuggestions {
  /**
   * A tag being typed: its {@code #} is at {@code hashColumn}; {@code typed} follows it up to the
   * caret.
   */
  public record Typing(int hashColumn, String typed) {}

  /** A workspace tag (without {@code #}) and how many notes carry it. */
  public record Tag(String name, int notes) {}

  private TagSuggestions() {}

  /**
   * The tag that ends at {@code column} of {@code line}, if one is being typed (at least one
   * character after {@code #}).
   */
  public static Optional<Typing> typingAt(String line, int column) {
    int i = column;
    while (i > 0 && isTagChar(line.charAt(i - 1))) {
      i--;
    }
    if (i == 0 || line.charAt(i - 1) != '#' || i == column) {
      return Optional.empty();
    }
    int hash = i - 1;
    if (hash > 0) {
      char b = line.charAt(hash - 1);
      if (Character.isLetterOrDigit(b) || b == '_' || b == '#' || b == '&' || b == '/') {
        return Optional.empty();
      }
    }
    String typed = line.substring(i, column);
    // Digits alone are not a tag ("#1" is an issue number).
    if (typed.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(new Typing(hash, typed));
  }

  /**
   * Up to {@code limit} tags for {@code typed}, best first; the tag exactly typed is left out
   * (nothing to complete).
   */
  public static List<Tag> suggest(List<Tag> tags, String typed, int limit) {
    String q = typed.toLowerCase(Locale.ROOT);
    List<Tag> prefix = new ArrayList<>();
    List<Tag> inside = new ArrayList<>();
    for (Tag t : tags) {
      String name = t.name().toLowerCase(Locale.ROOT);
      if (name.equals(q)) {
        continue;
      }
      if (name.startsWith(q)) {
        prefix.add(t);
      } else if (name.contains(q)) {
        inside.add(t);
      }
    }
    java.util.Comparator<Tag> byUse =
        java.util.Comparator.comparingInt(Tag::notes)
            .reversed()
            .thenComparing(Tag::name, String.CASE_INSENSITIVE_ORDER);
    prefix.sort(byUse);
    inside.sort(byUse);
    List<Tag> out = new ArrayList<>(prefix);
    out.addAll(inside);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  /**
   * The edit that completes the tag: the typed part becomes {@code tag}, and a space follows unless
   * one is already there. Offsets are the line's; {@code after} is the character after the caret.
   */
  public static AssistEdit complete(Typing typing, int column, String tag, int after) {
    String text = tag + (after == BracketPairing.NONE || !Character.isWhitespace(after) ? " " : "");
    int start = typing.hashColumn() + 1;
    // Keep what was typed where the tag agrees with it: only the rest is inserted.
    String typed = typing.typed();
    int same = 0;
    while (same < typed.length() && same < tag.length() && typed.charAt(same) == tag.charAt(same)) {
      same++;
    }
    return AssistEdit.replace(start + same, column, text.substring(same), start + tag.length() + 1);
  }

  static boolean isTagChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
  }
}
