@NullMarked
package org.rhizome.sync.pnet;

import org.jspecify.annotations.NullMarked;
