/**
 * A note's history ({@link org.rhizome.ui.history.HistoryView}): its versions from the change log,
 * who made each (member name and key fingerprint), a line and word diff (our own Myers diff, {@code
 * MyersDiff}, {@code LineDiff}) against the current text or the version before, and restore.
 */
@NullMarked
package org.rhizome.ui.history;

import org.jspecify.annotations.NullMarked;
