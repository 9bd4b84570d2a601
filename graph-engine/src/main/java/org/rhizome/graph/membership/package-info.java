/**
 * Who may write to a workspace: its founder, the people and devices that joined it with an invite,
 * and the owners of protected nodes. The rules are checked on every replica as changes are applied
 * (see {@code store.MembershipRules}), from facts that every replica sees in the same causal order,
 * so a change refused on one replica is refused on all. docs/decisions/0004-membership.md explains
 * the design; docs/decisions/0007-roles-and-removal.md adds roles ({@link Role}), removals and
 * revocations ({@link MembershipEvent}), decided by {@code store.RoleView} and taken back where
 * they arrived late by {@code store.Withholding}.
 *
 * <p>Membership facts live in the graph itself, on reserved souls ({@link SystemSouls}): the
 * workspace's genesis, one node per member device, one per invite.
 */
@NullMarked
package org.rhizome.graph.membership;

import org.jspecify.annotations.NullMarked;
