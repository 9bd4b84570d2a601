package org.rhizome.ui.render;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Obsidian's inline syntax: math ({@code $…$}, {@code $$…$$}), tags ({@code #tag}) and block ids
 * ({@code ^id} ending a block) and inline footnotes ({@code ^[text]}) are read before emphasis, so
 * {@code $a*b*c$} stays maths; highlights ({@code ==…==}) are a delimiter, so what is inside them
 * is still Markdown.
 */
final class ObsidianInlines implements InlineParserExtension {

  ObsidianInlines(LightInlineParser parser) {}

  @Override
  public void finalizeDocument(InlineParser parser) {}

  @Override
  public void finalizeBlock(InlineParser parser) {}

  @Override
  public boolean parse(LightInlineParser p) {
    char c = p.peek();
    return switch (c) {
      case '$' -> math(p);
      case '#' -> tag(p);
      case '^' -> inlineFootnote(p) || blockId(p);
      default -> false;
    };
  }

  private static boolean math(LightInlineParser p) {
    BasedSequence in = p.getInput();
    int start = p.getIndex();
    if (start > 0 && in.charAt(start - 1) == '\\') {
      return false;
    }
    boolean display = start + 1 < in.length() && in.charAt(start + 1) == '$';
    if (display) {
      int close = indexOf(in, "$$", start + 2);
      if (close < 0 || close == start + 2) {
        return false;
      }
      emit(
          p,
          new ObsidianNodes.Math(
              in.subSequence(start, close + 2),
              in.subSequence(start + 2, close).toString().strip(),
              true),
          close + 2);
      return true;
    }
    int open = start + 1;
    if (open >= in.length() || Character.isWhitespace(in.charAt(open))) {
      return false;
    }
    for (int i = open; i < in.length(); i++) {
      char ch = in.charAt(i);
      if (ch == '\n') {
        return false;
      }
      if (ch == '\\') {
        i++;
        continue;
      }
      if (ch == '$') {
        boolean closes =
            !Character.isWhitespace(in.charAt(i - 1))
                && (i + 1 >= in.length() || !Character.isDigit(in.charAt(i + 1)));
        if (closes && i > open) {
          emit(
              p,
              new ObsidianNodes.Math(
                  in.subSequence(start, i + 1), in.subSequence(open, i).toString(), false),
              i + 1);
          return true;
        }
      }
    }
    return false;
  }

  private static boolean tag(LightInlineParser p) {
    BasedSequence in = p.getInput();
    int start = p.getIndex();
    if (start > 0
        && !Character.isWhitespace(in.charAt(start - 1))
        && "([{,".indexOf(in.charAt(start - 1)) < 0) {
      return false;
    }
    int i = start + 1;
    boolean nonDigit = false;
    while (i < in.length()) {
      int cp = Character.codePointAt(in, i);
      if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '/') {
        nonDigit |= !Character.isDigit(cp);
        i += Character.charCount(cp);
      } else {
        break;
      }
    }
    if (i == start + 1 || !nonDigit) {
      return false;
    }
    emit(
        p,
        new ObsidianNodes.Tag(in.subSequence(start, i), in.subSequence(start + 1, i).toString()),
        i);
    return true;
  }

  /**
   * {@code ^[text]}, brackets inside balanced, escapes and code spans skipped; may run over lines
   * of its paragraph.
   */
  private static boolean inlineFootnote(LightInlineParser p) {
    BasedSequence in = p.getInput();
    int start = p.getIndex();
    if (start + 1 >= in.length() || in.charAt(start + 1) != '[') {
      return false;
    }
    int depth = 0;
    for (int i = start + 1; i < in.length(); i++) {
      char ch = in.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '`') {
        int run = i;
        while (run < in.length() && in.charAt(run) == '`') {
          run++;
        }
        int close = indexOf(in, in.subSequence(i, run).toString(), run);
        if (close < 0) {
          return false;
        }
        i = close + (run - i) - 1;
      } else if (ch == '[') {
        depth++;
      } else if (ch == ']' && --depth == 0) {
        String text = in.subSequence(start + 2, i).toString().strip();
        if (text.isEmpty()) {
          return false;
        }
        emit(p, new ObsidianNodes.InlineFootnote(in.subSequence(start, i + 1), text), i + 1);
        return true;
      }
    }
    return false;
  }

  private static boolean blockId(LightInlineParser p) {
    BasedSequence in = p.getInput();
    int start = p.getIndex();
    if (start > 0 && !Character.isWhitespace(in.charAt(start - 1))) {
      return false;
    }
    int i = start + 1;
    while (i < in.length() && (Character.isLetterOrDigit(in.charAt(i)) || in.charAt(i) == '-')) {
      i++;
    }
    int end = i;
    while (end < in.length() && (in.charAt(end) == ' ' || in.charAt(end) == '\t')) {
      end++;
    }
    if (i == start + 1 || (end < in.length() && in.charAt(end) != '\n' && in.charAt(end) != '\r')) {
      return false;
    }
    emit(
        p,
        new ObsidianNodes.BlockId(
            in.subSequence(start, i), in.subSequence(start + 1, i).toString()),
        i);
    return true;
  }

  private static void emit(LightInlineParser p, Node node, int next) {
    p.flushTextNode();
    p.getBlock().appendChild(node);
    p.setIndex(next);
  }

  private static int indexOf(BasedSequence in, String s, int from) {
    for (int i = from; i + s.length() <= in.length(); i++) {
      if (in.charAt(i) == s.charAt(0) && in.subSequence(i, i + s.length()).matchChars(s)) {
        return i;
      }
    }
    return -1;
  }

  static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$#^";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
      return new ObsidianInlines(parser);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  /** {@code ==text==}: two or more {@code =} on each side, the inside parsed as Markdown. */
  static final class HighlightDelimiter implements DelimiterProcessor {
    @Override
    public char getOpeningCharacter() {
      return '=';
    }

    @Override
    public char getClosingCharacter() {
      return '=';
    }

    @Override
    public int getMinLength() {
      return 2;
    }

    @Override
    public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
      return opener.length() >= 2 && closer.length() >= 2 ? 2 : 0;
    }

    @Override
    public void process(Delimiter opener, Delimiter closer, int used) {
      ObsidianNodes.Highlight h =
          new ObsidianNodes.Highlight(
              opener.getTailChars(used), BasedSequence.NULL, closer.getLeadChars(used));
      opener.moveNodesBetweenDelimitersTo(h, closer);
    }

    @Override
    public Node unmatchedDelimiterNode(InlineParser parser, DelimiterRun run) {
      return null;
    }

    @Override
    public boolean canBeOpener(
        String before,
        String after,
        boolean leftFlanking,
        boolean rightFlanking,
        boolean beforeIsPunctuation,
        boolean afterIsPunctuation,
        boolean beforeIsWhitespace,
        boolean afterIsWhiteSpace) {
      return leftFlanking;
    }

    @Override
    public boolean canBeCloser(
        String before,
        String after,
        boolean leftFlanking,
        boolean rightFlanking,
        boolean beforeIsPunctuation,
        boolean afterIsPunctuation,
        boolean beforeIsWhitespace,
        boolean afterIsWhiteSpace) {
      return rightFlanking;
    }

    @Override
    public boolean skipNonOpenerCloser() {
      return false;
    }
  }
}
