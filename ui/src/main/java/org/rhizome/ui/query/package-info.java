/** Live query views: a query and its result, kept current by the change feed. */
@NullMarked
package org.rhizome.ui.query;

import org.jspecify.annotations.NullMarked;
