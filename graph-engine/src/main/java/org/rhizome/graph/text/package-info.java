/**
 * The text CRDT for note bodies: a run-length encoded sequence CRDT over Unicode code points
 * (YjsMod/Fugue-style integration), its op and snapshot encodings, and history replay. Pure: no
 * I/O, no clock, no randomness. See {@code docs/text-crdt.md}.
 */
@NullMarked
package org.rhizome.graph.text;

import org.jspecify.annotations.NullMarked;
