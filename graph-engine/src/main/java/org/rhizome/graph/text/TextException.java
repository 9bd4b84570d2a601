package org.rhizome.graph.text;

/** A text op or encoding that a document refuses; refusing it changes nothing. */
public abstract class TextException extends Exception {
  private static final long serialVersionUID = 1L;

  protected TextException(String message) {
    super(message);
  }
}
