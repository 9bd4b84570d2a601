package org.rhizome.graph.model;

import java.util.Objects;

/**
 * A field's value: null (deleted), a boolean, a finite number, a string, or a link to another node.
 * Values are immutable; two values are equal exactly when their canonical encodings are equal.
 */
public sealed interface Value {

  /** The deleted / absent value. */
  record Null() implements Value {
    @Override
    public String toString() {
      return "null";
    }
  }

  record Bool(boolean value) implements Value {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A finite IEEE 754 double; {@code -0.0} is normalised to {@code 0.0} so that encodings are
   * canonical.
   */
  record Num(double value) implements Value {
    public Num {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("numbers must be finite, got " + value);
      }
      if (value == 0.0) {
        value = 0.0; // folds -0.0
      }
    }

    @Override
    public String toString() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /**
   * A string. A lone UTF-16 surrogate (which no UTF-8 encoding can carry) is replaced by U+FFFD, so
   * every string value survives encoding unchanged.
   */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
      value = replaceLoneSurrogates(value);
    }

    private static String replaceLoneSurrogates(String s) {
      StringBuilder out = null;
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        boolean paired =
            Character.isHighSurrogate(ch)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
        if (paired) {
          if (out != null) {
            out.append(ch).append(s.charAt(i + 1));
          }
          i++;
        } else if (Character.isSurrogate(ch)) {
          if (out == null) {
            out = new StringBuilder(s.length()).append(s, 0, i);
          }
          out.append('\uFFFD');
        } else if (out != null) {
          out.append(ch);
        }
      }
      return out == null ? s : out.toString();
    }

    @Override
    public String toString() {
      return value;
    }
  }

  record Link(Soul target) implements Value {
    public Link {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
      return "→" + target;
    }
  }

  Null NULL = new Null();

  static Value of(boolean b) {
    return new Bool(b);
  }

  static Value of(double d) {
    return new Num(d);
  }

  static Value of(String s) {
    return new Str(s);
  }

  static Value link(Soul soul) {
    return new Link(soul);
  }

  default boolean isNull() {
    return this instanceof Null;
  }
}
