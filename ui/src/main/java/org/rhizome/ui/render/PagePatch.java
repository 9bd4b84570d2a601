package org.rhizome.ui.render;

import java.util.List;

/**
 * What to change in a reading view's page so that it shows another rendering of the note without
 * loading a new page: the segments ({@link RenderedNote#segments}: runs of blocks, the list of
 * footnotes) from {@code first} to {@code first + count} are replaced by {@code html} (the new
 * segments, each after its {@link HtmlPage#SEGMENT_MARK}), and every task offset after them moves
 * by {@code shift} (text typed above them moved them, nothing else changed there).
 *
 * <p>Segments are compared as rendered, so whatever an edit changes elsewhere in the page — a
 * heading id made unique, a footnote's number, the list of footnotes — is in the patch: applied to
 * the page of {@code shown}, the page holds exactly that of {@code next}.
 */
public record PagePatch(int first, int count, String html, int shift) {
  private static final String OFFSET = "data-offset=\"";

  /** True when the page stays as it is. */
  public boolean isEmpty() {
    return count == 0 && html.isEmpty() && shift == 0;
  }

  /** The change from the page of {@code shown} to that of {@code next}. */
  public static PagePatch between(RenderedNote shown, RenderedNote next) {
    List<Integer> a = shown.segments();
    List<Integer> b = next.segments();
    int m = a.size();
    int n = b.size();
    int same = 0;
    while (same < m && same < n && shown.segment(same).equals(next.segment(same))) {
      same++;
    }
    Shift shift = new Shift();
    int after = 0;
    while (after < m - same
        && after < n - same
        && shift.matches(shown.segment(m - 1 - after), next.segment(n - 1 - after))) {
      after++;
    }
    return new PagePatch(
        same, m - same - after, HtmlPage.marked(next, same, n - after), shift.delta);
  }

  /**
   * The one amount by which every task offset of the segments kept after the patch moved ({@code 0}
   * while none was seen).
   */
  private static final class Shift {
    private boolean known;
    private int delta;

    /**
     * True when {@code b} is {@code a} with each task offset moved by the same amount as all the
     * segments matched before.
     */
    boolean matches(String a, String b) {
      boolean wasKnown = known;
      int was = delta;
      if (compare(a, b)) {
        return true;
      }
      known = wasKnown;
      delta = was;
      return false;
    }

    private boolean compare(String a, String b) {
      int i = 0;
      int j = 0;
      while (true) {
        int ia = a.indexOf(OFFSET, i);
        int jb = b.indexOf(OFFSET, j);
        if (ia < 0 || jb < 0) {
          return ia < 0
              && jb < 0
              && a.length() - i == b.length() - j
              && a.regionMatches(i, b, j, a.length() - i);
        }
        if (ia - i != jb - j || !a.regionMatches(i, b, j, ia - i)) {
          return false;
        }
        int na = ia + OFFSET.length();
        int nb = jb + OFFSET.length();
        int ea = digits(a, na);
        int eb = digits(b, nb);
        if (ea == na || eb == nb || ea - na > 9 || eb - nb > 9) {
          return false;
        }
        int d = Integer.parseInt(b, nb, eb, 10) - Integer.parseInt(a, na, ea, 10);
        if (known && d != delta) {
          return false;
        }
        known = true;
        delta = d;
        i = ea;
        j = eb;
      }
    }

    private static int digits(String s, int from) {
      int k = from;
      while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
        k++;
      }
      return k;
    }
  }
}
