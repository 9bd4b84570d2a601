package org.rhizome.graph.membership;

/** Whether a workspace checks who writes to it. Fixed when its file is created. */
public enum MembershipMode {
  /**
   * Any validly signed change of the workspace is accepted. For local scratch workspaces and tests;
   * a workspace that will be shared is created {@link #MEMBERS}.
   */
  OPEN,
  /**
   * Only the founder and devices that joined with an invite may write; protected nodes only their
   * owner.
   */
  MEMBERS
}
