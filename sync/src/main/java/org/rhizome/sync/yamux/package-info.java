@NullMarked
package org.rhizome.sync.yamux;

import org.jspecify.annotations.NullMarked;
