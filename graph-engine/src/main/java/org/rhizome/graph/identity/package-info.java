@NullMarked
package org.rhizome.graph.identity;

import org.jspecify.annotations.NullMarked;
