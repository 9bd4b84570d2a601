@NullMarked
package org.rhizome.sync.noise;

import org.jspecify.annotations.NullMarked;
