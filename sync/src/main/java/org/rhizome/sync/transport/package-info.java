@NullMarked
package org.rhizome.sync.transport;

import org.jspecify.annotations.NullMarked;
