/**
 * The composition root: {@link org.rhizome.app.Main}, the data directory per OS, logging, and the
 * GUI launcher. The command line lives in {@code org.rhizome.app.cli}.
 */
@NullMarked
package org.rhizome.app;

import org.jspecify.annotations.NullMarked;
