/**
 * The titles and aliases of every note, kept current and matched fuzzily ({@link
 * org.rhizome.ui.names.NoteNameIndex}, {@link org.rhizome.ui.names.FuzzyMatcher}): one index per
 * window, shared by the quick switcher and the editor's link completion.
 */
@NullMarked
package org.rhizome.ui.names;

import org.jspecify.annotations.NullMarked;
