package org.rhizome.graph.note;

/** The type of one indexed property value; the index stores its name in lower case. */
public enum PropertyType {
  TEXT,
  NUMBER,
  DATE,
  CHECKBOX,
  LINK;

  public String sqlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
