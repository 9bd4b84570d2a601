@NullMarked
package org.rhizome.graph.note;

import org.jspecify.annotations.NullMarked;
