@NullMarked
package org.rhizome.graph.merge;

import org.jspecify.annotations.NullMarked;
