package org.rhizome.app.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated workspace that looks like a real one: notes of about 1 KB in paragraphs, with
 * headings, lists, now and then a code block, about five wikilinks and one to three tags each. Link
 * targets and tags follow a power law (a few notes and tags are very popular, most are rare), as in
 * real vaults. Deterministic for a given seed.
 */
final class SyntheticVault {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "li", "an", "or", "el", "um", "is",
    "ter", "gon", "bar", "qui", "zen", "fal", "mor", "tis", "cal", "pre", "dor", "vel", "nix", "sol"
  };

  private final Random random;
  private final int notes;
  private final String[] vocabulary;
  private final String[] tags;
  private final ZipfSampler wordRank;
  private final ZipfSampler noteRank;
  private final ZipfSampler tagRank;

  SyntheticVault(int notes, long seed) {
    this.random = new Random(seed);
    this.notes = notes;
    this.vocabulary = new String[20_000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = word(i);
    }
    this.tags = new String[600];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = i % 5 == 0 ? word(i + 7) + "/" + word(i + 11) : word(i + 3);
    }
    this.wordRank = new ZipfSampler(vocabulary.length, 1.07);
    this.noteRank = new ZipfSampler(notes, 0.9);
    this.tagRank = new ZipfSampler(tags.length, 1.0);
  }

  /** A pronounceable word for rank {@code i}; distinct ranks give distinct words. */
  private static String word(int i) {
    StringBuilder sb = new StringBuilder();
    int n = i;
    do {
      sb.append(SYLLABLES[n % SYLLABLES.length]);
      n /= SYLLABLES.length;
    } while (n > 0);
    return sb.toString();
  }

  String title(int i) {
    return capitalise(vocabulary[firstWordRank(i)])
        + " "
        + vocabulary[(int) ((i * 104_729L + 13) % vocabulary.length)]
        + " "
        + i;
  }

  private int firstWordRank(int note) {
    return (int) (note * 7919L % vocabulary.length);
  }

  String randomWord() {
    return vocabulary[wordRank.sample(random)];
  }

  String rareWord() {
    return vocabulary[vocabulary.length / 2 + random.nextInt(vocabulary.length / 2)];
  }

  String randomTag() {
    return tags[tagRank.sample(random)];
  }

  int randomLinkedNote() {
    return noteRank.sample(random);
  }

  int noteCount() {
    return notes;
  }

  /** The body of note {@code i}: about 1 KB. */
  String body(int i) {
    StringBuilder sb = new StringBuilder(1300);
    sb.append("# ").append(title(i)).append("\n\n");
    int links = 3 + random.nextInt(5);
    int paragraphs = 3 + random.nextInt(2);
    for (int p = 0; p < paragraphs; p++) {
      if (p == 2) {
        sb.append("## ")
            .append(capitalise(randomWord()))
            .append(' ')
            .append(randomWord())
            .append("\n\n");
      }
      int words = 25 + random.nextInt(20);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          sb.append(' ');
        }
        if (links > 0 && random.nextInt(words / 2 + 1) == 0) {
          int target = randomLinkedNote();
          sb.append("[[")
              .append(title(target))
              .append(random.nextInt(4) == 0 ? "|" + randomWord() : "")
              .append("]]");
          links--;
        } else {
          sb.append(w == 0 ? capitalise(randomWord()) : randomWord());
        }
      }
      sb.append(".\n\n");
    }
    while (links-- > 0) {
      sb.append("- see [[").append(title(randomLinkedNote())).append("]]\n");
    }
    if (random.nextInt(8) == 0) {
      sb.append("\n```\n").append(randomWord()).append(" = [[not a link]] #notatag\n```\n");
    }
    int t = 1 + random.nextInt(3);
    sb.append('\n');
    for (int k = 0; k < t; k++) {
      sb.append('#').append(randomTag()).append(' ');
    }
    sb.append('\n');
    return sb.toString();
  }

  List<String> searchQueries(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          switch (i % 8) {
            case 0 -> randomWord();
            case 1 -> rareWord();
            case 2 -> randomWord() + " " + randomWord();
            case 3 -> rareWord().substring(0, 4) + "*";
            case 4 -> '"' + title(random.nextInt(notes)).split(" ")[0] + '"';
            case 5 -> "tag:" + randomTag().split("/")[0] + " " + randomWord();
            case 6 -> "title:" + vocabulary[firstWordRank(random.nextInt(notes))];
            default -> randomWord() + " -" + randomWord();
          });
    }
    return out;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
