@NullMarked
package org.rhizome.graph.change;

import org.jspecify.annotations.NullMarked;
