package org.rhizome.graph.note;

/** The fields that make a node a note. Other fields are the note's own properties. */
public final class NoteFields {
  public static final String TYPE = "type";
  public static final String NOTE_TYPE = "note";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String CREATED = "created";
  public static final String DELETED = "deleted";

  /**
   * Where the note lives in a vault: {@code ""} (the root) or names joined by {@code /}; see {@link
   * NoteFolders}.
   */
  public static final String FOLDER = "folder";

  private NoteFields() {}
}
