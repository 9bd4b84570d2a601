@NullMarked
package org.rhizome.graph.query;

import org.jspecify.annotations.NullMarked;
