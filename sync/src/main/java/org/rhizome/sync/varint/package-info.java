/** Unsigned varints (multiformats unsigned-varint). */
@NullMarked
package org.rhizome.sync.varint;

import org.jspecify.annotations.NullMarked;
