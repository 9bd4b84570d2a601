/** Checklist items of notes, as Obsidian Tasks and Dataview write them. */
@NullMarked
package org.rhizome.graph.tasks;

import org.jspecify.annotations.NullMarked;
