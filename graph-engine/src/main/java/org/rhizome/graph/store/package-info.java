@NullMarked
package org.rhizome.graph.store;

import org.jspecify.annotations.NullMarked;
