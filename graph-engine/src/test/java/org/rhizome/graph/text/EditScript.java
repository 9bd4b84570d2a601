package org.rhizome.graph.text;

import java.util.Random;

/** Random editor-like splices from a seed: typing runs, backspaces, pastes, deletions, emoji. */
final class EditScript {
  private static final String[] PIECES = {
    "a", "b", "c", " ", "xy", "😀", "é", "\n", "hello ", "🎉🎉", "z"
  };
  private final Random random;
  private final boolean hotSpots;

  EditScript(long seed) {
    this(seed, false);
  }

  /**
   * With {@code hotSpots}, most edits land at the start, middle or end, so replicas collide often.
   */
  EditScript(long seed, boolean hotSpots) {
    this.random = new Random(seed);
    this.hotSpots = hotSpots;
  }

  Random random() {
    return random;
  }

  /** A splice valid for a text of {@code length} code points. */
  Splice next(int length) {
    int kind = random.nextInt(10);
    int pos =
        hotSpots && random.nextInt(4) != 0
            ? new int[] {0, length / 2, length}[random.nextInt(3)]
            : random.nextInt(length + 1);
    if (kind < 5 || length == 0) {
      return new Splice(pos, 0, PIECES[random.nextInt(PIECES.length)]);
    }
    if (kind < 8) {
      int del = Math.min(length - pos, 1 + random.nextInt(3));
      return new Splice(pos, del, "");
    }
    int del = Math.min(length - pos, random.nextInt(4));
    return new Splice(
        pos, del, PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)]);
  }
}
