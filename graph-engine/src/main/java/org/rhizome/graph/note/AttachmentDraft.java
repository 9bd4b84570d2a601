package org.rhizome.graph.note;

/** A file to store as an attachment at {@code folder/name}, with its bytes and media type. */
public record AttachmentDraft(String folder, String name, byte[] data, String mime) {}
