@NullMarked
package org.rhizome.sync.host;

import org.jspecify.annotations.NullMarked;
