@NullMarked
package org.rhizome.graph.encoding;

import org.jspecify.annotations.NullMarked;
