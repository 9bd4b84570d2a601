@NullMarked
package org.rhizome.sync.gossip;

import org.jspecify.annotations.NullMarked;
