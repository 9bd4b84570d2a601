@NullMarked
package org.rhizome.sync.multistream;

import org.jspecify.annotations.NullMarked;
