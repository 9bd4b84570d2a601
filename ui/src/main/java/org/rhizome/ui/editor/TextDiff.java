package org.rhizome.ui.editor;

/**
 * The one replacement that turns {@code before} into {@code after}: their common prefix and suffix
 * are kept, the middle is replaced. Used to bring an edit made elsewhere into an open editor as a
 * minimal change, so the caret, the selection and the scroll position outside it stay put.
 *
 * @param start first changed char (UTF-16 index, same in both texts)
 * @param oldEnd end of the replaced range in {@code before}
 * @param replacement what replaces it
 */
public record TextDiff(int start, int oldEnd, String replacement) {

  public static TextDiff between(String before, String after) {
    int max = Math.min(before.length(), after.length());
    int prefix = 0;
    while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    // Never split a surrogate pair.
    if (prefix > 0 && Character.isHighSurrogate(before.charAt(prefix - 1))) {
      prefix--;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    if (suffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - suffix))) {
      suffix--;
    }
    return new TextDiff(prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
  }

  public boolean isEmpty() {
    return start == oldEnd && replacement.isEmpty();
  }

  /**
   * Where a position in the old text lands in the new one: before the change it stays, after it
   * it shifts, inside it moves to the end of the replacement.
   */
  public int map(int position) {
    if (position <= start) {
      return position;
    }
    if (position >= oldEnd) {
      return position + replacement.length() - (oldEnd - start);
    }
    return start + replacement.length();
  }
}
