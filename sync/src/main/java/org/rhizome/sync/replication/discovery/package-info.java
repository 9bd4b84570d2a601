/** Finding peers: configured ones redialled, and mDNS on one explicit interface. */
@NullMarked
package org.rhizome.sync.replication.discovery;

import org.jspecify.annotations.NullMarked;
