@NullMarked
package org.rhizome.sync.ping;

import org.jspecify.annotations.NullMarked;
