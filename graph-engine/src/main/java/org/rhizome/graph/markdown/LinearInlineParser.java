package org.rhizome.graph.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Flexmark's inline parser without its one hidden quadratic: {@code match} and {@code
 * matchWithGroups} took the match's bounds through {@link Matcher#toMatchResult()}, which on JDK 17
 * copies the whole paragraph into a new String at every successful match, so a paragraph dense in
 * brackets ({@code [a](} repeated) cost time quadratic in its length. Here the bounds are read from
 * the matcher itself; what is matched is unchanged. Used through {@code
 * Parser.Builder.customInlineParserFactory(LinearInlineParser::new)}; one per parse, as Flexmark
 * makes it.
 */
final class LinearInlineParser extends InlineParserImpl {

  LinearInlineParser(
      DataHolder options,
      BitSet specialCharacters,
      BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors,
      LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(
        options,
        specialCharacters,
        delimiterCharacters,
        delimiterProcessors,
        linkRefProcessors,
        inlineParserExtensions);
  }

  @Override
  public @Nullable BasedSequence match(Pattern re) {
    Matcher matcher = find(re);
    return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
  }

  @Override
  public BasedSequence @Nullable [] matchWithGroups(Pattern re) {
    Matcher matcher = find(re);
    if (matcher == null) {
      return null;
    }
    BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
    for (int g = 0; g < groups.length; g++) {
      int start = matcher.start(g);
      groups[g] = start < 0 ? null : input.subSequence(start, matcher.end(g));
    }
    return groups;
  }

  /**
   * The matcher after a successful find from the current index (which moves past the match), or
   * null.
   */
  private @Nullable Matcher find(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher matcher = re.matcher(input);
    matcher.region(index, input.length());
    if (!matcher.find()) {
      return null;
    }
    index = matcher.end();
    return matcher;
  }
}
