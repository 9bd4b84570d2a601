@NullMarked
package org.rhizome.sync.identify;

import org.jspecify.annotations.NullMarked;
