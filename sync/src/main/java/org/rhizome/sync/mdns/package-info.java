/**
 * mDNS discovery (specs/discovery/mdns.md). API: {@link org.rhizome.sync.mdns.MdnsService}, off
 * unless started.
 */
@NullMarked
package org.rhizome.sync.mdns;

import org.jspecify.annotations.NullMarked;
