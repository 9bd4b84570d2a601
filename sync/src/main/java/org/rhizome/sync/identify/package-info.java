/**
 * /ipfs/id/1.0.0 and push (specs/identify). Implementation, run by the host on every connection.
 */
@NullMarked
package org.rhizome.sync.identify;

import org.jspecify.annotations.NullMarked;
