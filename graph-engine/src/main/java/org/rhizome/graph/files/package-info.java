/** Writing small files whole and durably (keys, settings, status files, mirrored notes). */
@NullMarked
package org.rhizome.graph.files;

import org.jspecify.annotations.NullMarked;
