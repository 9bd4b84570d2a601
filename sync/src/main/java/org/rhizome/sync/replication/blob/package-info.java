/** Attachment bytes between peers, on demand after a pull, checked against their hash. */
@NullMarked
package org.rhizome.sync.replication.blob;

import org.jspecify.annotations.NullMarked;
