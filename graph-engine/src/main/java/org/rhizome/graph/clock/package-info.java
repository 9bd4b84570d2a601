@NullMarked
package org.rhizome.graph.clock;

import org.jspecify.annotations.NullMarked;
