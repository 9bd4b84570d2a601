package org.rhizome.graph.note;

import org.rhizome.graph.api.InvalidTitleException;

/**
 * The rule for titles: 1..200 characters after trimming, none of {@code [ ] | # ^ \ : /} or control
 * characters ({@code /} separates folders in a link such as {@code [[Folder/Note]]}).
 */
public final class NoteTitles {
  public static final int MAX_LENGTH = 200;
  private static final String FORBIDDEN = "[]|#^\\:/";

  private NoteTitles() {}

  /**
   * Returns the trimmed title. @throws InvalidTitleException with a sentence a person can act on
   */
  public static String check(String title) throws InvalidTitleException {
    String t = title.strip();
    if (t.isEmpty()) {
      throw new InvalidTitleException("A note needs a title.");
    }
    if (t.length() > MAX_LENGTH) {
      throw new InvalidTitleException("A title can have at most " + MAX_LENGTH + " characters.");
    }
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (FORBIDDEN.indexOf(ch) >= 0) {
        throw new InvalidTitleException(
            "A title cannot contain '" + ch + "' (it would break [[links]]).");
      }
      if (Character.isISOControl(ch)) {
        throw new InvalidTitleException("A title cannot contain control characters.");
      }
    }
    return t;
  }
}
