@NullMarked
package org.rhizome.sync.mdns;

import org.jspecify.annotations.NullMarked;
